// SARIF 2.1.0 output, shaped for GitHub code scanning: rule metadata with help text and security-severity,
// locations relative to %SRCROOT%, fingerprints that survive line moves, and fixes when a rule offers one.

import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { RuleMeta } from '../engine/ruleApi';
import { relativeTo } from '../engine/runRules';
import type { Confidence, Finding, Severity, SourceRange } from '../model/finding';
import { ruleDocsUrl } from '../model/ruleDocsUrl';
import { leftOutNotes, TOOL_INFORMATION_URI, TOOL_NAME, type AuditReport } from './report';
import { CORPUS_PRECISION } from '../precision/corpusPrecision';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The partialFingerprints key; the value is the engine's line-independent fingerprint. */
export const FINGERPRINT_KEY = 'solAudit/v1';
const SOURCE_ROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
  informational: 'note',
  gas: 'note',
};

// GitHub buckets security-severity as critical >= 9.0, high >= 7.0, medium >= 4.0, low > 0.
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = { high: '8.0', medium: '5.5', low: '3.0' };

// A rule not measured on the real-world corpus (no High or Medium finding there) is estimated from its confidence.
const PRECISION: Record<Confidence, string> = { high: 'high', medium: 'medium', low: 'low' };

/** Informational, gas and engine findings are code-quality notes, not security alerts. */
function isSecurityRule(meta: RuleMeta): boolean {
  return SECURITY_SEVERITY[meta.severity] !== undefined && meta.category !== 'engine' && meta.category !== 'gas';
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

export function ruleHelpMarkdown(meta: RuleMeta): string {
  const sections = [
    meta.description,
    meta.exploitScenario.trim() ? `**Exploit scenario.** ${meta.exploitScenario}` : '',
    `**Recommendation.** ${meta.recommendation}`,
    meta.references.length > 0 ? `**References.**\n${meta.references.map((r) => `- ${r}`).join('\n')}` : '',
  ];
  return sections.filter((s) => s !== '').join('\n\n');
}

function ruleHelpText(meta: RuleMeta): string {
  const sections = [
    meta.description,
    meta.exploitScenario.trim() ? `Exploit scenario: ${meta.exploitScenario}` : '',
    `Recommendation: ${meta.recommendation}`,
  ];
  return sections.filter((s) => s !== '').join('\n\n');
}

function toReportingDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const security = isSecurityRule(meta);
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: ruleHelpText(meta), markdown: ruleHelpMarkdown(meta) },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      severity: meta.severity,
      confidence: meta.confidence,
      category: meta.category,
      tags: [...(security ? ['security'] : []), meta.category, ...meta.swc],
      precision: CORPUS_PRECISION[meta.id]?.level ?? PRECISION[meta.confidence],
      ...(security ? { 'security-severity': SECURITY_SEVERITY[meta.severity] } : {}),
    },
  };
}

function region(range: SourceRange): Sarif.Region {
  return { startLine: range.startLine, startColumn: range.startColumn, endLine: range.endLine, endColumn: range.endColumn };
}

export function renderSarifLog(report: AuditReport): Sarif.Log {
  // GitHub resolves result paths against the repository root, which may be above the project root.
  const sourceRoot = report.repositoryRoot ?? report.root;
  const artifact = (file: string): Sarif.ArtifactLocation => ({ uri: encodeURI(relativeTo(sourceRoot, file)), uriBaseId: SOURCE_ROOT });
  const ruleIndex = new Map(report.rules.map((meta, index) => [meta.id, index]));

  const toResult = (finding: Finding): Sarif.Result => {
    const index = ruleIndex.get(finding.ruleId);
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(finding.file), region: region(finding.range) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
      properties: { severity: finding.severity, confidence: finding.confidence, ...(finding.aiTriage ? { aiTriage: finding.aiTriage } : {}) },
    };
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((r, id) => ({
        id,
        physicalLocation: { artifactLocation: artifact(r.file), region: region(r.range) },
        message: { text: r.message },
      }));
    }
    if (finding.fix) {
      result.fixes = [
        {
          description: { text: finding.fix.description },
          artifactChanges: [
            {
              artifactLocation: artifact(finding.file),
              replacements: finding.fix.edits.map((edit) => ({
                deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
                insertedContent: { text: edit.text },
              })),
            },
          ],
        },
      ];
    }
    return result;
  };

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            informationUri: TOOL_INFORMATION_URI,
            rules: report.rules.map(toReportingDescriptor),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(sourceRoot.endsWith('/') ? sourceRoot : `${sourceRoot}/`).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.errors.map((e) => ({
                level: 'error' as const,
                message: { text: e.message },
                locations: [{ physicalLocation: { artifactLocation: artifact(e.file) } }],
              })),
              // One note per folder not reported, so a reader of the log knows what the results do not cover.
              ...report.leftOut.map((f) => ({
                level: 'note' as const,
                message: { text: leftOutNotes([f], (folder) => `${relativeTo(sourceRoot, folder)}/`)[0] },
                locations: [{ physicalLocation: { artifactLocation: { uri: `${artifact(f.folder).uri}/`, uriBaseId: SOURCE_ROOT } } }],
                properties: { reason: f.reason, fileCount: f.files.length },
              })),
            ],
          },
        ],
        results: report.findings.map(toResult),
      },
    ],
  };
}

export function renderSarif(report: AuditReport): string {
  return `${JSON.stringify(renderSarifLog(report), null, 2)}\n`;
}
