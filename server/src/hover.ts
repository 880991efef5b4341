// Hovers: for a flagged range, what the rule found and why it matters, with command links; for a risky
// built-in (`tx.origin`, `delegatecall`, …) its security note even without a finding.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CORPUS_PRECISION, describePrecision, ruleDocsUrl } from 'sol-audit-rules';
import type { FindingStore, StoredFinding } from './findingStore';
import { Commands, type DisableForLineArgs, type ExplainFindingArgs, type LspRange } from 'sol-audit-protocol';
import { ruleMeta } from './ruleMetadata';
import { securityNoteAt } from './securityNotes';

function contains(range: LspRange, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

function commandLink(title: string, command: string, args: unknown): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}

function swcLink(id: string): string {
  return `[${id}](https://swcregistry.io/docs/${id})`;
}

function findingMarkdown(document: TextDocument, stored: StoredFinding): string {
  const { finding } = stored;
  const meta = ruleMeta(finding.ruleId);
  const parts = [`**${finding.title}** — \`${finding.ruleId}\``, `Severity: **${finding.severity}** · Confidence: **${finding.confidence}**`, finding.message];
  // Where the rule's findings have been measured on real code, say how often they held up: it is why a finding
  // of a High rule may show as Low in the recommended profile.
  if (CORPUS_PRECISION[finding.ruleId]) parts.push(`Measured precision: ${describePrecision(CORPUS_PRECISION[finding.ruleId])}.`);
  if (meta) {
    parts.push(`**Exploit scenario.** ${meta.exploitScenario}`, `**Recommendation.** ${meta.recommendation}`);
  }
  const links = [...(meta?.swc ?? []).map(swcLink), `[Documentation](${ruleDocsUrl(finding.ruleId)})`];
  parts.push(links.join(' · '));
  const explain: ExplainFindingArgs = { uri: document.uri, ruleId: finding.ruleId, message: finding.message, range: stored.range };
  const commands = [commandLink('Explain with AI', Commands.explainFinding, explain)];
  if (finding.ruleId !== 'syntax-error') {
    const disable: DisableForLineArgs = { uri: document.uri, version: document.version, line: stored.range.start.line, ruleId: finding.ruleId };
    commands.push(commandLink('Disable for this line', Commands.disableForLine, disable));
  }
  parts.push(commands.join(' · '));
  return parts.join('\n\n');
}

export function hoverAt(document: TextDocument, position: Position, store: FindingStore): Hover | null {
  const record = store.at(document.uri, document.version);
  const hits = record?.findings.filter((f) => contains(f.range, position)) ?? [];
  const sections = hits.map((f) => findingMarkdown(document, f));
  if (sections.length === 0) {
    const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
    const note = securityNoteAt(line, position.character);
    if (!note) return null;
    sections.push([`**${note.title}**`, note.risk, note.swc ? swcLink(note.swc) : ''].filter(Boolean).join('\n\n'));
  }
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}
