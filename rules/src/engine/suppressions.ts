// Inline suppressions: `// sol-audit-disable-next-line <ids>`, `-line` and `-file`; no id means every rule.
// A suppression that matches nothing is itself reported, so stale ones get cleaned up.

import type { Finding } from '../model/finding';
import { LineIndex } from '../model/lineIndex';
import type { SourceFile } from '../project/sourceFile';
import { UNUSED_SUPPRESSION } from './engineRules';
import { formatMessage, makeFinding } from './runRules';

export type SuppressionKind = 'next-line' | 'line' | 'file';

export interface Suppression {
  kind: SuppressionKind;
  /** Empty means every rule. */
  ruleIds: string[];
  /** 1-based line of the comment. */
  line: number;
  /** Offsets of the whole comment, for the "remove" fix. */
  start: number;
  end: number;
}

// The comment runs to the line break, which is `\r\n` in a CRLF file: the `\r` is not part of it.
const DIRECTIVE = /(\/\/|\/\*)\s*sol-audit-disable-(next-line|line|file)\b([^\r\n]*)/g;

export function parseSuppressions(text: string, lines: LineIndex = new LineIndex(text)): Suppression[] {
  const out: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index ?? 0;
    let tail = match[3];
    let end = start + match[0].length;
    if (match[1] === '/*') {
      const close = tail.indexOf('*/');
      if (close >= 0) {
        end = start + match[0].length - tail.length + close + 2;
        tail = tail.slice(0, close);
      }
    }
    // ESLint-style reason after "--" is free text, not rule ids.
    const idsPart = tail.split('--')[0].split('//')[0];
    const ruleIds = idsPart.split(/[\s,]+/).filter((s) => s.length > 0);
    const { line } = lines.positionAt(start);
    out.push({ kind: match[2] as SuppressionKind, ruleIds, line, start, end });
  }
  return out;
}

function covers(s: Suppression, finding: Finding): boolean {
  if (s.ruleIds.length > 0 && !s.ruleIds.includes(finding.ruleId)) return false;
  if (s.kind === 'file') return true;
  const target = s.kind === 'line' ? s.line : s.line + 1;
  return finding.range.startLine === target;
}

/**
 * Drops suppressed findings and adds `unused-suppression` findings. `knownRuleIds` are all rules that exist;
 * `ranRuleIds` those that ran, since a suppression of a rule that was switched off is not stale.
 */
export function applySuppressions(
  file: SourceFile,
  root: string,
  findings: Finding[],
  knownRuleIds: ReadonlySet<string>,
  ranRuleIds: ReadonlySet<string>,
): Finding[] {
  const suppressions = parseSuppressions(file.text, file.lines);
  if (suppressions.length === 0) return findings;
  const used = new Set<Suppression>();
  const kept = findings.filter((finding) => {
    // Syntax errors cannot be hidden: code that does not parse is not analysed.
    if (finding.ruleId === 'syntax-error') return true;
    const hit = suppressions.find((s) => covers(s, finding));
    if (hit) used.add(hit);
    return !hit;
  });
  for (const s of suppressions) {
    const unknown = s.ruleIds.find((id) => !knownRuleIds.has(id));
    if (unknown) {
      kept.push(makeFinding(UNUSED_SUPPRESSION, file, root, s.start, s.end, formatMessage(UNUSED_SUPPRESSION.messages.unknownRule, { ruleId: unknown }, UNUSED_SUPPRESSION.id)));
      continue;
    }
    if (used.has(s)) continue;
    const targets = s.ruleIds.length > 0 ? s.ruleIds : [];
    if (targets.length > 0 && !targets.some((id) => ranRuleIds.has(id))) continue;
    if (!ranRuleIds.has(UNUSED_SUPPRESSION.id)) continue;
    const finding = makeFinding(
      UNUSED_SUPPRESSION,
      file,
      root,
      s.start,
      s.end,
      formatMessage(UNUSED_SUPPRESSION.messages.unused, { rules: targets.length > 0 ? targets.join(', ') : 'all rules' }, UNUSED_SUPPRESSION.id),
    );
    finding.fix = { description: 'Remove the unused suppression comment', edits: [{ start: s.start, end: s.end, text: '' }] };
    kept.push(finding);
  }
  return kept;
}
