// Code lenses: above each contract its findings by severity, above each function with findings
// "Ask AI about this function" (the AI layer, issue 4, implements the command).

import type { CodeLens } from 'vscode-languageserver';
import { SEVERITIES, type Severity } from 'sol-audit-rules';
import type { FindingRecord } from './findingStore';
import { Commands, type AskAboutFunctionArgs, type LspRange } from 'sol-audit-protocol';

function inside(inner: LspRange, outer: LspRange): boolean {
  return inner.start.line >= outer.start.line && inner.start.line <= outer.end.line;
}

function atStart(range: LspRange): LspRange {
  return { start: range.start, end: range.start };
}

export function codeLensesFor(uri: string, record: FindingRecord): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const contract of record.outline) {
    const inContract = record.findings.filter((f) => f.finding.ruleId !== 'syntax-error' && inside(f.range, contract.range));
    const counts = new Map<Severity, number>();
    for (const f of inContract) counts.set(f.finding.severity, (counts.get(f.finding.severity) ?? 0) + 1);
    const summary = SEVERITIES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(' · ');
    lenses.push({
      range: atStart(contract.range),
      command: { title: `sol-audit: ${summary || 'no findings'}`, command: inContract.length > 0 ? 'workbench.actions.view.problems' : '' },
    });
    for (const fn of contract.functions) {
      const inFunction = inContract.filter((f) => inside(f.range, fn.range));
      if (inFunction.length === 0) continue;
      const args: AskAboutFunctionArgs = { uri, contractName: contract.name, functionName: fn.name, range: fn.range, findingRuleIds: [...new Set(inFunction.map((f) => f.finding.ruleId))] };
      lenses.push({ range: atStart(fn.range), command: { title: 'Ask AI about this function', command: Commands.askAiAboutFunction, arguments: [args] } });
    }
  }
  return lenses;
}
