// Audited real-world Solidity installed from npm (OpenZeppelin, Uniswap) and one sweep over it, shared by the
// precision tests and scripts/benchPrecision.ts, plus the list of accepted Medium findings kept in docs/precision.md.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeFile,
  collectSolidityFiles,
  DEFAULT_CONFIG,
  defaultRegistry,
  NodeFileHost,
  ParseCache,
  ProjectModel,
  relativeTo,
  selectRules,
  severityRank,
  type Finding,
  type Profile,
} from '../../src/index';
import { REPO_ROOT } from './fixtureProject';
import { parseTriageTable, type TriageRow } from '../../src/precision/triageTable';
import { CORPUS_PACKAGES, NON_PRODUCTION_DIRS, NON_PRODUCTION_FILE, packageRoot, type CorpusPackage } from './realWorldCorpus';

const host = new NodeFileHost();

export interface AuditedCorpus {
  /** npm package (and folder), the prefix of every file path in docs/precision.md. */
  name: string;
  /** The project root imports resolve from. */
  root: string;
  /** The production `.sol` files scanned, absolute and sorted. */
  files: () => string[];
  /** The real-world packages live in .corpus-cache/ and are absent until `npm run corpus` fetched them. */
  fetched: boolean;
}

/** OpenZeppelin and Uniswap core, devDependencies of this repository: every file of the package is production. */
const INSTALLED_CORPORA: AuditedCorpus[] = [
  '@openzeppelin/contracts',
  '@openzeppelin/contracts-upgradeable',
  '@uniswap/v2-core/contracts',
  '@uniswap/v3-core/contracts',
].map((name) => {
  const root = path.join(REPO_ROOT, 'node_modules', name);
  return { name, root, files: () => collectSolidityFiles(root, host), fetched: true };
});

function realWorldCorpus(pkg: CorpusPackage): AuditedCorpus {
  const root = packageRoot(pkg);
  const skipped = new Set([...NON_PRODUCTION_DIRS, ...(pkg.excludeDirs ?? []), 'node_modules']);
  const isProduction = (file: string): boolean => {
    const segments = path.relative(root, file).split(path.sep);
    return !segments.slice(0, -1).some((segment) => skipped.has(segment)) && !NON_PRODUCTION_FILE.test(segments[segments.length - 1]);
  };
  return {
    name: pkg.name,
    root,
    files: () => pkg.include.flatMap((folder) => collectSolidityFiles(path.join(root, folder), host, true)).filter(isProduction).sort(),
    fetched: fs.existsSync(root),
  };
}

export const AUDITED_CORPORA: AuditedCorpus[] = [...INSTALLED_CORPORA, ...CORPUS_PACKAGES.map(realWorldCorpus)];

export const SEVERITIES = ['high', 'medium', 'low', 'informational', 'gas'] as const;

export interface CorpusSweep {
  corpus: AuditedCorpus;
  files: string[];
  lineCount: number;
  findings: Finding[];
  /** Source lines by file, to match accepted findings by their text rather than a line number that drifts. */
  lineText: (finding: Finding) => string;
}


/**
 * Sweeps corpora with all default rules, the way scanFiles does. One parse cache serves every corpus:
 * the upgradeable package imports most of the other one, which is then parsed once.
 */
export class CorpusSweeper {
  private readonly parseCache = new ParseCache();
  private readonly selection;

  /**
   * Sweeps with the `extended` profile, every rule at its own severity: the triage table labels those findings,
   * and a profile's view of them is `withProfile`. `onlyRules` narrows the sweep for a quicker look at a few rules.
   */
  constructor(onlyRules?: string[]) {
    this.selection = selectRules(defaultRegistry(), DEFAULT_CONFIG, { only: onlyRules, profile: 'extended' });
  }

  sweep(corpus: AuditedCorpus): CorpusSweep {
    const files = corpus.files();
    const project = ProjectModel.load(files, { root: corpus.root, host, parseCache: this.parseCache });
    const sources = files.map((file) => {
      const source = project.file(file);
      assert.ok(source, `${file} was not loaded`);
      return source;
    });
    const textByFile = new Map(sources.map((source) => [source.path, source.text.split('\n')]));
    return {
      corpus,
      files,
      lineCount: sources.reduce((sum, source) => sum + source.lines.lineCount, 0),
      findings: sources.flatMap((source) => analyzeFile(project, source, this.selection)),
      lineText: (finding) => textByFile.get(finding.file)?.[finding.range.startLine - 1] ?? '',
    };
  }
}

export function corpusPath(sweep: CorpusSweep, finding: Finding): string {
  return `${sweep.corpus.name}/${relativeTo(sweep.corpus.root, finding.file)}`;
}

export function describeFindings(sweep: CorpusSweep, findings: Finding[]): string {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  return [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, list]) => [
      `  ${ruleId} (${list[0].severity}): ${list.length}`,
      ...list.map((f) => `    ${corpusPath(sweep, f)}:${f.range.startLine} ${f.message}`),
    ].join('\n'))
    .join('\n');
}

export const PRECISION_DOC = path.join(REPO_ROOT, 'docs/precision.md');

export function readTriage(docPath = PRECISION_DOC): TriageRow[] {
  return parseTriageTable(fs.readFileSync(docPath, 'utf8'));
}

export interface TriageMatch {
  /** Each High/Medium finding with the row that labels it. */
  labelled: { finding: Finding; row: TriageRow }[];
  untriaged: Finding[];
  /** Rows of these corpora that label no finding: the finding is gone, or its line changed. */
  stale: TriageRow[];
}

/**
 * Pairs High/Medium findings with triage rows: same rule, severity and file, and the reported line contains the
 * row's snippet. Each row labels one finding, so two findings on one line need two rows.
 */
export function matchTriage(sweeps: CorpusSweep[], rows: TriageRow[]): TriageMatch {
  const unused = new Set(rows.filter((row) => sweeps.some((sweep) => row.file.startsWith(`${sweep.corpus.name}/`))));
  const labelled: TriageMatch['labelled'] = [];
  const untriaged: Finding[] = [];
  for (const sweep of sweeps) {
    for (const finding of sweep.findings.filter(isHighOrMedium)) {
      const file = corpusPath(sweep, finding);
      const row = [...unused].find((r) =>
        r.ruleId === finding.ruleId && r.severity === finding.severity && r.file === file && sweep.lineText(finding).includes(r.snippet));
      if (!row) {
        untriaged.push(finding);
        continue;
      }
      unused.delete(row);
      labelled.push({ finding, row });
    }
  }
  return { labelled, untriaged, stale: [...unused] };
}

/** The findings as a profile publishes them: rules below its precision bar capped to a lower severity. */
export function withProfile(findings: Finding[], profile: Profile): Finding[] {
  const caps = selectRules(defaultRegistry(), DEFAULT_CONFIG, { profile }).severityCaps;
  return findings.map((finding) => {
    const cap = caps.get(finding.ruleId);
    return cap && severityRank(finding.severity) < severityRank(cap) ? { ...finding, severity: cap } : finding;
  });
}

export function isHighOrMedium(finding: Finding): boolean {
  return finding.severity === 'high' || finding.severity === 'medium';
}

/** Findings per 10,000 lines, the unit of the precision target. */
export function per10kLines(count: number, lineCount: number): number {
  return lineCount === 0 ? 0 : (count * 10_000) / lineCount;
}
