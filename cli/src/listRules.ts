// --list-rules: the rule catalog as a table (text), metadata JSON, the rules page (markdown) or SARIF rules.

import { CORPUS_PRECISION, renderRuleDocs, ruleDocsUrl, type RuleMeta } from 'sol-audit-rules';
import type { OutputFormat } from './cliOptions';

export interface RuleCatalog {
  rules: RuleMeta[];
  engineRules: RuleMeta[];
}

export function renderRuleList(catalog: RuleCatalog, format: Exclude<OutputFormat, 'sarif'>): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(ruleListJson(catalog), null, 2)}\n`;
    case 'markdown':
      return renderRuleDocs(catalog.rules, catalog.engineRules, CORPUS_PRECISION);
    case 'text':
      return ruleTable([...catalog.rules, ...catalog.engineRules]);
  }
}

function ruleListJson(catalog: RuleCatalog): object[] {
  const entry = (meta: RuleMeta, engine: boolean): object => ({
    id: meta.id,
    title: meta.title,
    severity: meta.severity,
    confidence: meta.confidence,
    category: meta.category,
    swc: meta.swc,
    description: meta.description,
    exploitScenario: meta.exploitScenario,
    recommendation: meta.recommendation,
    references: meta.references,
    fixable: meta.fixable === true,
    hasSuggestions: meta.hasSuggestions === true,
    engine,
    docsUrl: ruleDocsUrl(meta.id),
  });
  return [...catalog.rules.map((m) => entry(m, false)), ...catalog.engineRules.map((m) => entry(m, true))];
}

function ruleTable(rules: RuleMeta[]): string {
  const header = ['ID', 'SEVERITY', 'CONFIDENCE', 'CATEGORY', 'TITLE'];
  const rows = rules.map((m) => [m.id, m.severity, m.confidence, m.category, m.title]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
