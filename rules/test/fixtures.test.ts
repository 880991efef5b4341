// The generic fixture runner: every `.sol` under test-fixtures/ declares its expected findings inline, and the
// set of (line, rule) pairs must match exactly, so every fixture also proves its look-alikes stay silent.

import * as assert from 'node:assert/strict';
import { collectSolidityFiles, NodeFileHost, relativeTo, ReportPolicy, DEFAULT_CONFIG, findProjectRoot } from '../src/index';
import { keyOf, readExpectations } from './support/fixtureExpectations';
import { analyzeFixture, FIXTURES_ROOT } from './support/fixtureProject';

const host = new NodeFileHost();
// test-fixtures/parser/ holds parser cases (old syntax for the tree-sitter differential test): they pin ASTs, not
// findings, so this runner leaves them to treeSitterDifferential.test.ts; noInternalError still runs every rule on them.
const PARSER_CASES = /^parser\//;
const allFixtures = collectSolidityFiles(FIXTURES_ROOT, host, true).filter((file) => !PARSER_CASES.test(relativeTo(FIXTURES_ROOT, file)));

describe('fixture runner', () => {
  it('finds fixtures', () => {
    assert.ok(allFixtures.length > 0, 'no .sol files under test-fixtures/');
  });

  for (const file of allFixtures) {
    const name = relativeTo(FIXTURES_ROOT, file);
    const root = findProjectRoot(file, host);
    const reported = new ReportPolicy(root, DEFAULT_CONFIG, {}, host).isReported(file);
    it(name, () => {
      const text = host.readFile(file) as string;
      const expected = new Set(readExpectations(text).map(keyOf));
      if (!reported) {
        assert.equal(expected.size, 0, `${name} is a dependency (not reported) but carries expect annotations`);
        return;
      }
      const findings = analyzeFixture(file);
      const actual = new Set(findings.map((f) => keyOf({ line: f.range.startLine, ruleId: f.ruleId })));
      const falseNegatives = [...expected].filter((k) => !actual.has(k));
      const falsePositives = findings.filter((f) => !expected.has(keyOf({ line: f.range.startLine, ruleId: f.ruleId })));
      if (falseNegatives.length > 0 || falsePositives.length > 0) {
        const lines = [
          `${name}:`,
          ...(falseNegatives.length ? ['False negatives:', ...falseNegatives.map((k) => `  line ${k.replace(':', ' ')}`)] : []),
          ...(falsePositives.length
            ? ['False positives:', ...falsePositives.map((f) => `  line ${f.range.startLine} ${f.ruleId}: ${f.message}`)]
            : []),
        ];
        assert.fail(lines.join('\n'));
      }
    });
  }
});
