// The differential test of the tree-sitter front end (issue 11): every corpus is parsed by @solidity-parser/parser
// (the oracle) and by tree-sitter plus the converter, and the two ASTs must be identical, `loc` and `range`
// included. The only accepted differences are the oracle errors corrected in support/oracleCorrections.ts.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse } from '@solidity-parser/parser';
import { collectSolidityFiles, NodeFileHost, relativeTo } from '../src/index';
import { loadTreeSitter, parseWithTreeSitter } from '../src/parse/treeSitter';
import { diffAsts, type AstDifference } from './support/astDiff';
import { correctOracle, ORACLE_CORRECTIONS } from './support/oracleCorrections';
import { AUDITED_CORPORA } from './support/auditedCorpora';
import { FIXTURES_ROOT, REPO_ROOT } from './support/fixtureProject';

const host = new NodeFileHost();

interface Corpus {
  name: string;
  files: () => string[];
  /** The real-world packages are absent until `npm run corpus` fetched them. */
  fetched: boolean;
}

const OLD_SYNTAX = path.join(FIXTURES_ROOT, 'parser', 'old-syntax');

const CORPORA: Corpus[] = [
  {
    name: 'test-fixtures',
    files: () => collectSolidityFiles(FIXTURES_ROOT, host, true).filter((file) => !file.startsWith(OLD_SYNTAX + path.sep)),
    fetched: true,
  },
  { name: 'old syntax (test-fixtures/parser/old-syntax)', files: () => collectSolidityFiles(OLD_SYNTAX, host, true), fetched: true },
  ...AUDITED_CORPORA,
];

interface FileOutcome {
  file: string;
  differences: AstDifference[];
  problems: string[];
}

/** The oracle's AST, or undefined when it cannot parse the file (then the file is no differential case). */
function oracleAst(text: string): unknown {
  try {
    const ast = parse(text, { loc: true, range: true, tolerant: true }) as { errors?: unknown[] };
    if (ast.errors !== undefined && ast.errors.length > 0) return undefined;
    delete ast.errors;
    return ast;
  } catch {
    return undefined;
  }
}

function describeOutcome(outcome: FileOutcome): string {
  const lines = [relativeTo(REPO_ROOT, outcome.file)];
  for (const problem of outcome.problems.slice(0, 3)) lines.push(`  conversion problem: ${problem}`);
  for (const d of outcome.differences) {
    lines.push(`  ${d.nodeType} ${d.path}: expected ${JSON.stringify(d.expected)}, actual ${JSON.stringify(d.actual)}`);
  }
  return lines.join('\n');
}

describe('tree-sitter front end: identical ASTs to @solidity-parser/parser', function () {
  before(loadTreeSitter);

  const applied = ORACLE_CORRECTIONS.map(() => 0);
  after(() => {
    ORACLE_CORRECTIONS.forEach((correction, i) => console.log(`    oracle corrected ${applied[i]}×: ${correction.reason}`));
  });

  for (const corpus of CORPORA) {
    it(corpus.name, function () {
      if (!corpus.fetched) {
        console.log(`    ${corpus.name}: not fetched, skipped (run npm run corpus)`);
        this.skip();
      }
      this.timeout(600_000);
      const files = corpus.files();
      assert.ok(files.length > 0, `no .sol files in ${corpus.name}`);
      let lines = 0;
      let identical = 0;
      let notParsedByOracle = 0;
      const differing: FileOutcome[] = [];
      for (const file of files) {
        const text = host.readFile(file) as string;
        lines += text.split('\n').length;
        const expected = oracleAst(text);
        if (expected === undefined) {
          notParsedByOracle++;
          continue;
        }
        correctOracle(expected, applied);
        const { ast, problems } = parseWithTreeSitter(text);
        const differences = diffAsts(expected, ast, 3);
        if (differences.length === 0 && problems.length === 0) identical++;
        else differing.push({ file, differences, problems: problems.map((p) => `${p.message} at ${p.node.startPosition.row + 1}:${p.node.startPosition.column}`) });
      }
      console.log(
        `    ${corpus.name}: ${files.length} files, ${lines} lines, ${identical} identical, ${differing.length} differing, ` +
          `${notParsedByOracle} not parsed by the oracle (no differential case)`,
      );
      assert.equal(differing.length, 0, `${differing.length} files differ; the first ones:\n${differing.slice(0, 8).map(describeOutcome).join('\n')}`);
    });
  }
});
