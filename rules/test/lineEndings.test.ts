// Line endings change no finding: a fixture saved with CRLF or mixed line breaks gives the same (line, rule)
// pairs as with LF, and every range lies inside its line, as LSP counts lines (`\n`, `\r\n`, lone `\r`).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectSolidityFiles, LineIndex, NodeFileHost, relativeTo, type Finding, type SourceRange } from '../src/index';
import { analyzeFixture, FIXTURES_ROOT } from './support/fixtureProject';

/** The lines of a text the way LSP and VS Code split it, without their line breaks. */
function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const LINE_ENDINGS: Record<string, (lfText: string) => string> = {
  LF: (text) => text,
  CRLF: (text) => text.replace(/\n/g, '\r\n'),
  // Every kind of break in one file, as a file edited on two systems (and an old Mac tool) ends up.
  mixed: (text) => {
    let n = 0;
    return text.replace(/\n/g, () => ['\r\n', '\n', '\r'][n++ % 3]);
  },
};

/** Fixtures whose findings end at the end of a line (suppression comments) or sit next to syntax errors. */
const FIXTURES = ['engine/suppressions.sol', 'engine/syntax-error.sol', 'engine/syntax-error-missing-expression.sol', 'rules/tx-origin.sol'];

function outsideRanges(text: string, findings: Finding[]): string[] {
  const lines = editorLines(text);
  const outside = (range: SourceRange): boolean =>
    [
      [range.startLine, range.startColumn],
      [range.endLine, range.endColumn],
    ].some(([line, column]) => line < 1 || line > lines.length || column < 1 || column - 1 > lines[line - 1].length);
  const out: string[] = [];
  for (const f of findings) {
    // A related location in an imported file points into that file's own text, which was not converted.
    const ranges = [f.range, ...f.related.filter((r) => r.file === f.file).map((r) => r.range)];
    for (const range of ranges) if (outside(range)) out.push(`${f.ruleId} ${range.startLine}:${range.startColumn}-${range.endLine}:${range.endColumn}`);
  }
  return out;
}

const linesAndRules = (findings: Finding[]): string[] => findings.map((f) => `${f.range.startLine}-${f.range.endLine} ${f.ruleId}`).sort();
const positionsAndRules = (findings: Finding[]): string[] =>
  findings.map(({ range: r, ruleId }) => `${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn} ${ruleId}`).sort();

describe('line endings', () => {
  describe('LineIndex', () => {
    const text = 'ab\r\nc\nde\rf\r\n';
    const lines = new LineIndex(text);

    it('ends lines where LSP does: at \\n, \\r\\n and a lone \\r', () => {
      assert.equal(lines.lineCount, 5);
      assert.deepEqual([1, 2, 3, 4, 5].map((l) => lines.lineText(l)), ['ab', 'c', 'de', 'f', '']);
    });

    it('places every offset inside its line, an offset within a line break at the line end', () => {
      const expected = [
        [1, 1], [1, 2], [1, 3], [1, 3], // a b \r \n
        [2, 1], [2, 2], // c \n
        [3, 1], [3, 2], [3, 3], // d e \r
        [4, 1], [4, 2], [4, 2], // f \r \n
        [5, 1], // end of text
      ];
      assert.deepEqual([...Array(text.length + 1).keys()].map((offset) => Object.values(lines.positionAt(offset))), expected);
    });

    it('clamps a column past the line end to the offset before the line break', () => {
      assert.equal(lines.offsetAt(1, 99), 2);
      assert.equal(lines.offsetAt(3, 99), 8);
      assert.equal(lines.offsetAt(5, 99), text.length);
    });
  });

  for (const fixture of FIXTURES) {
    describe(fixture, () => {
      const file = path.join(FIXTURES_ROOT, fixture);
      const lfText = fs.readFileSync(file, 'utf8');
      const lfFindings = analyzeFixture(file, lfText);

      for (const [name, convert] of Object.entries(LINE_ENDINGS)) {
        it(`${name}: the same findings as LF, every range inside its line`, () => {
          const text = convert(lfText);
          const findings = analyzeFixture(file, text);
          assert.deepEqual(outsideRanges(text, findings), []);
          assert.deepEqual(linesAndRules(findings), linesAndRules(lfFindings));
        });
      }
    });
  }

  it('every fixture gives the same findings, at the same lines and columns, with mixed line endings as with LF', () => {
    const differing: string[] = [];
    for (const file of collectSolidityFiles(FIXTURES_ROOT, new NodeFileHost(), true)) {
      const lfText = fs.readFileSync(file, 'utf8');
      const text = LINE_ENDINGS.mixed(lfText);
      const findings = analyzeFixture(file, text);
      const name = relativeTo(FIXTURES_ROOT, file);
      differing.push(...outsideRanges(text, findings).map((range) => `${name}: outside its line: ${range}`));
      const lf = positionsAndRules(analyzeFixture(file, lfText));
      const mixed = positionsAndRules(findings);
      if (lf.join() !== mixed.join()) differing.push(`${name}: LF ${lf.filter((f) => !mixed.includes(f)).join(', ')}; mixed ${mixed.filter((f) => !lf.includes(f)).join(', ')}`);
    }
    assert.deepEqual(differing, []);
  });

  it('the fix of an unused suppression removes the comment and keeps the CRLF line break', () => {
    const file = path.join(FIXTURES_ROOT, 'engine/suppressions.sol');
    const text = LINE_ENDINGS.CRLF(fs.readFileSync(file, 'utf8'));
    const fixes = analyzeFixture(file, text).flatMap((f) => (f.ruleId === 'unused-suppression' && f.fix ? f.fix.edits : []));
    assert.ok(fixes.length > 0);
    for (const edit of fixes) assert.match(text.slice(edit.start, edit.end), /^\/[/*][^\r\n]*$/);
  });
});
