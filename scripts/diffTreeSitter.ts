// Compares the tree-sitter front end's AST with @solidity-parser/parser's on Solidity files or folders:
//   npx tsx scripts/diffTreeSitter.ts <file|folder>... [--limit N] [--show N]
// Prints per file the first differences; the summary counts files that match, differ, or hit conversion problems.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@solidity-parser/parser';
import { loadTreeSitter, parseWithTreeSitter } from '../rules/src/parse/treeSitter';
import { diffAsts } from '../rules/test/support/astDiff';
import { correctOracle } from '../rules/test/support/oracleCorrections';

function solidityFiles(target: string): string[] {
  if (fs.statSync(target).isFile()) return [target];
  return fs.readdirSync(target, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(target, f))
    // Some packages ship folders named `X.sol` (build artifacts), so only files count.
    .filter((f) => f.endsWith('.sol') && fs.statSync(f).isFile())
    .sort();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = Number(args[i + 1]);
    args.splice(i, 2);
    return value;
  };
  const limit = option('--limit', 5);
  const show = option('--show', 20);
  await loadTreeSitter();
  let same = 0;
  let shown = 0;
  const differing: string[] = [];
  const byNodeType = new Map<string, number>();
  for (const file of args.flatMap(solidityFiles)) {
    const text = fs.readFileSync(file, 'utf8');
    let expected: unknown;
    try {
      expected = parse(text, { loc: true, range: true, tolerant: true });
    } catch {
      continue; // the oracle cannot parse it: not a differential case
    }
    delete (expected as { errors?: unknown }).errors;
    // The oracle's known errors (the differential test's intended differences) are not differences.
    correctOracle(expected);
    const { ast, problems } = parseWithTreeSitter(text);
    const diffs = diffAsts(expected, ast, limit);
    if (diffs.length === 0 && problems.length === 0) {
      same++;
      continue;
    }
    differing.push(file);
    for (const d of diffs) byNodeType.set(d.nodeType, (byNodeType.get(d.nodeType) ?? 0) + 1);
    if (shown++ < show) {
      console.log(`\n${file}`);
      for (const p of problems.slice(0, limit)) console.log(`  problem: ${p.message} at ${p.node.startPosition.row + 1}:${p.node.startPosition.column}`);
      for (const d of diffs) console.log(`  ${d.nodeType} ${d.path}\n    expected ${JSON.stringify(d.expected)}\n    actual   ${JSON.stringify(d.actual)}`);
    }
  }
  console.log(`\n${same} identical, ${differing.length} differ`);
  console.log('first differences by node type:', Object.fromEntries([...byNodeType].sort((a, b) => b[1] - a[1])));
}

void main();
