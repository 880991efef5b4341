// Recall on vulnerable code: for each exploit fixture (test-fixtures/exploits/), whether every intended rule
// (`// intended: a, b` in the header) fires on its annotated line (`// expect: a` or, for a known miss,
// `// missed: a`); then how many look-alike contracts in test-fixtures/rules/<rule>.sol stay quiet for <rule>.
// Run: npx tsx scripts/recallReport.ts

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@solidity-parser/parser';
import type { FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { loadTreeSitter, type Finding } from 'sol-audit-rules';
import { analyzeFixture, FIXTURES_ROOT } from '../rules/test/support/fixtureProject';

const EXPLOITS = path.join(FIXTURES_ROOT, 'exploits');
const RULE_FIXTURES = path.join(FIXTURES_ROOT, 'rules');
const INTENDED = /^\/\/\s*intended:\s*(.+)$/m;
const LINE_ANNOTATION = /\/\/\s*(expect|missed):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

interface IntendedResult {
  ruleId: string;
  /** Lines where the rule is meant to fire. */
  lines: number[];
  /** Of those, the lines where it does. */
  hitLines: number[];
}

/** Lines annotated with `expect:` or `missed:` naming the rule. */
function annotatedLines(text: string, ruleId: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((lineText, index) => {
    const match = LINE_ANNOTATION.exec(lineText);
    if (match && match[2].split(',').map((id) => id.trim()).includes(ruleId)) lines.push(index + 1);
  });
  return lines;
}

function recallOf(file: string): IntendedResult[] {
  const text = fs.readFileSync(file, 'utf8');
  const intended = INTENDED.exec(text)?.[1].split(',').map((id) => id.trim()) ?? [];
  const findings = analyzeFixture(file);
  return intended.map((ruleId) => {
    const lines = annotatedLines(text, ruleId);
    const hitLines = lines.filter((line) => findings.some((f) => f.ruleId === ruleId && f.range.startLine === line));
    return { ruleId, lines, hitLines };
  });
}

interface LookAlike {
  kind: 'contract' | 'function';
  name: string;
  quiet: boolean;
}

/**
 * Contracts, and functions, of a fixture with no line annotated for the rule inside them (the safe
 * look-alikes), and whether the rule stays quiet there.
 */
function lookAlikes(file: string, ruleId: string): LookAlike[] {
  const text = fs.readFileSync(file, 'utf8');
  const expected = annotatedLines(text, ruleId);
  const findings: Finding[] = analyzeFixture(file).filter((f) => f.ruleId === ruleId);
  const unit = parse(text, { loc: true, tolerant: true });
  const out: LookAlike[] = [];
  const consider = (kind: LookAlike['kind'], name: string, loc: { start: { line: number }; end: { line: number } }) => {
    const inside = (line: number) => line >= loc.start.line && line <= loc.end.line;
    if (!expected.some(inside)) out.push({ kind, name, quiet: !findings.some((f) => inside(f.range.startLine)) });
  };
  for (const node of unit.children) {
    if (node.type !== 'ContractDefinition' || node.kind === 'interface' || !node.loc) continue;
    consider('contract', node.name, node.loc);
    for (const member of node.subNodes) {
      // subNodes is typed as the base node: the type tag says which member it is.
      if ((member.type === 'FunctionDefinition' || member.type === 'ModifierDefinition') && member.loc) {
        const callable = member as FunctionDefinition | ModifierDefinition;
        consider('function', `${node.name}.${callable.name ?? 'special'}`, member.loc);
      }
    }
  }
  return out;
}

const solidityIn = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.sol')).sort();

async function main(): Promise<void> {
  await loadTreeSitter();
  console.log('Recall on exploit fixtures (intended rule fires on its annotated line):');
  let intendedTotal = 0;
  let intendedHit = 0;
  for (const name of solidityIn(EXPLOITS)) {
    for (const result of recallOf(path.join(EXPLOITS, name))) {
      const hit = result.lines.length > 0 && result.hitLines.length === result.lines.length;
      intendedTotal += 1;
      if (hit) intendedHit += 1;
      const where = result.lines.length === 0 ? 'no annotated line' : `lines ${result.lines.join(', ')}`;
      console.log(`  ${hit ? 'hit ' : 'MISS'}  ${name.padEnd(32)} ${result.ruleId.padEnd(32)} ${where}`);
    }
  }

  // Each rule fixture is checked for its own rule; each exploit fixture for its intended rules.
  const checks = [
    ...solidityIn(RULE_FIXTURES).map((name) => ({ file: path.join(RULE_FIXTURES, name), ruleIds: [name.replace(/\.sol$/, '')] })),
    ...solidityIn(EXPLOITS).map((name) => {
      const text = fs.readFileSync(path.join(EXPLOITS, name), 'utf8');
      return { file: path.join(EXPLOITS, name), ruleIds: INTENDED.exec(text)?.[1].split(',').map((id) => id.trim()) ?? [] };
    }),
  ];
  const tally = { contract: { total: 0, quiet: 0 }, function: { total: 0, quiet: 0 } };
  const noisy: string[] = [];
  for (const { file, ruleIds } of checks) {
    for (const ruleId of ruleIds) {
      for (const { kind, name, quiet } of lookAlikes(file, ruleId)) {
        tally[kind].total += 1;
        if (quiet) tally[kind].quiet += 1;
        else noisy.push(`${ruleId} in ${kind} ${name} (${path.relative(FIXTURES_ROOT, file)})`);
      }
    }
  }

  const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(0)}%`);
  console.log(`\nIntended-rule hit rate: ${intendedHit}/${intendedTotal} (${percent(intendedHit, intendedTotal)})`);
  for (const kind of ['contract', 'function'] as const) {
    const { quiet, total } = tally[kind];
    console.log(`Look-alike ${kind}s (no annotation for the rule inside) where the rule stays quiet: ${quiet}/${total} (${percent(quiet, total)})`);
  }
  if (noisy.length > 0) console.log(`Look-alikes the rule fires on:\n  ${noisy.join('\n  ')}`);
}

void main();
