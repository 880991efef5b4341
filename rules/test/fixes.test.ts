// Every deterministic fix in the fixtures is applied and the text re-analysed: the fixed finding must be gone
// and no other finding may appear. A few fixes are also checked by their output text, ESLint style.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { collectSolidityFiles, DEFAULT_CONFIG, findProjectRoot, NodeFileHost, relativeTo, ReportPolicy, type Finding, type TextEdit } from '../src/index';
import { analyzeFixture, FIXTURES_ROOT } from './support/fixtureProject';

const host = new NodeFileHost();

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Where an offset of the old text lands after the edits; offsets inside an edit land at its start. */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= offset && edit.start < offset) shift += edit.text.length - (edit.end - edit.start);
    else if (edit.start <= offset && offset < edit.end) return edit.start + shift;
  }
  return offset + shift;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

interface FixCase {
  file: string;
  name: string;
  text: string;
  before: Finding[];
  finding: Finding;
}

function fixCases(): FixCase[] {
  const cases: FixCase[] = [];
  for (const file of collectSolidityFiles(FIXTURES_ROOT, host, true)) {
    const root = findProjectRoot(file, host);
    if (!new ReportPolicy(root, DEFAULT_CONFIG, {}, host).isReported(file)) continue;
    const text = host.readFile(file) as string;
    const before = analyzeFixture(file);
    for (const finding of before) {
      if (finding.fix) cases.push({ file, name: relativeTo(FIXTURES_ROOT, file), text, before, finding });
    }
  }
  return cases;
}

/**
 * Applies the fix of the finding on `line` of rule `ruleId` in `fixture` and returns the text of that line
 * plus any lines the fix added, without the fixture's `// expect:` comment. The fixes checked here edit
 * only that line, so earlier lines do not move.
 */
function fixedLine(fixture: string, ruleId: string, line: number): string {
  const { text, edits } = fixOf(fixture, ruleId, line);
  const addedLines = edits.reduce((n, e) => n + e.text.split('\n').length - text.slice(e.start, e.end).split('\n').length, 0);
  return withoutExpectation(applyEdits(text, edits).split('\n').slice(line - 1, line + addedLines).join('\n'));
}

/** Lines `from`..`to` (1-based, inclusive) of `fixture` after the fix of the finding on `line`, for fixes that edit elsewhere (a function header). */
function fixedLines(fixture: string, ruleId: string, line: number, from: number, to: number): string {
  const { text, edits } = fixOf(fixture, ruleId, line);
  return withoutExpectation(applyEdits(text, edits).split('\n').slice(from - 1, to).join('\n'));
}

/** The fixture text (or `text` in its place) and the fix edits of the finding of `ruleId` on `line`. */
function fixOf(fixture: string, ruleId: string, line: number, text?: string): { text: string; edits: TextEdit[] } {
  const file = path.join(FIXTURES_ROOT, fixture);
  const finding = analyzeFixture(file, text).find((f) => f.ruleId === ruleId && f.range.startLine === line);
  assert.ok(finding?.fix, `${fixture}:${line} has no ${ruleId} finding with a fix`);
  return { text: text ?? (host.readFile(file) as string), edits: finding.fix.edits };
}

function withoutExpectation(lines: string): string {
  return lines.replace(/\s*\/\/ expect:.*$/gm, '').trim();
}

function hasFix(fixture: string, ruleId: string, line: number): boolean {
  const finding = analyzeFixture(path.join(FIXTURES_ROOT, fixture)).find((f) => f.ruleId === ruleId && f.range.startLine === line);
  assert.ok(finding, `${fixture}:${line} has no ${ruleId} finding`);
  return !!finding.fix;
}

describe('fixes', () => {
  describe('every fix removes its finding and adds none', () => {
    for (const c of fixCases()) {
      const { finding } = c;
      it(`${c.name}:${finding.range.startLine}:${finding.range.startColumn} ${finding.ruleId}`, () => {
        const edits = finding.fix?.edits ?? [];
        const fixedText = applyEdits(c.text, edits);
        const after = analyzeFixture(c.file, fixedText);
        // Findings are matched by rule and line in the fixed text; lines of the old findings are moved by the edits.
        const keyAt = (ruleId: string, offset: number): string => `${ruleId}@${lineAt(fixedText, offset)}`;
        const expected = countBy(c.before.map((f) => keyAt(f.ruleId, mapOffset(f.range.start, edits))));
        const fixedKey = keyAt(finding.ruleId, mapOffset(finding.range.start, edits));
        expected.set(fixedKey, (expected.get(fixedKey) ?? 0) - 1);
        const actual = countBy(after.map((f) => keyAt(f.ruleId, f.range.start)));
        const appeared = [...actual].filter(([key, n]) => n > (expected.get(key) ?? 0)).map(([key]) => key);
        assert.deepEqual(appeared, [], `after "${finding.fix?.description}" new or remaining findings: ${appeared.join(', ')}\n--- fixed text ---\n${fixedText}`);
      });
    }
  });

  describe('suggestions', () => {
    it('transfer-gas-stipend suggests call{value:} with a checked flag, and the finding goes away', () => {
      const file = path.join(FIXTURES_ROOT, 'rules/transfer-gas-stipend.sol');
      const finding = analyzeFixture(file).find((f) => f.ruleId === 'transfer-gas-stipend' && f.range.startLine === 9);
      const suggestion = finding?.suggestions[0];
      assert.ok(suggestion, 'no suggestion on transfer-gas-stipend.sol:9');
      const fixed = applyEdits(host.readFile(file) as string, suggestion.edits);
      assert.match(fixed, /\(bool success, \) = treasury\.call\{value: amount\}\(""\);\n {8}require\(success, "ETH transfer failed"\);/);
      assert.ok(!analyzeFixture(file, fixed).some((f) => f.ruleId === 'transfer-gas-stipend' && f.range.startLine === 9));
    });
    it('deprecated-standards suggests delegatecall for callcode', () => {
      const file = path.join(FIXTURES_ROOT, 'rules/deprecated-standards.sol');
      const finding = analyzeFixture(file).find((f) => f.ruleId === 'deprecated-standards' && f.message.includes('callcode'));
      const suggestion = finding?.suggestions[0];
      assert.ok(suggestion && !finding?.fix, 'callcode must be a suggestion, not a fix');
      assert.match(applyEdits(host.readFile(file) as string, suggestion.edits), /require\(lib\.delegatecall\(bytes4\(keccak256\("f\(\)"\)\)\)\);/);
    });
  });

  describe('output text', () => {
    it('unchecked-lowlevel binds and requires the success flag at the same indentation', () => {
      assert.equal(fixedLine('rules/unchecked-lowlevel.sol', 'unchecked-lowlevel', 9), '(bool success, ) = target.call(data);\n        require(success, "call failed");');
    });
    it('unchecked-lowlevel picks a fresh name when `success` is taken', () => {
      assert.equal(fixedLine('rules/unchecked-lowlevel.sol', 'unchecked-lowlevel', 29), '(bool success2, ) = target.call(data);\n        require(success2, "call failed");');
    });
    it('unchecked-lowlevel offers no fix for the unbraced body of an if', () => {
      const file = path.join(FIXTURES_ROOT, 'rules/unchecked-lowlevel.sol');
      const finding = analyzeFixture(file).find((f) => f.ruleId === 'unchecked-lowlevel' && f.range.startLine === 34);
      assert.ok(finding && !finding.fix);
    });
    it('unchecked-send wraps the call in require', () => {
      assert.equal(fixedLine('rules/unchecked-send.sol', 'unchecked-send', 10), 'require(bidder.send(amount), "send failed");');
    });
    it('floating-pragma pins the lowest admitted version', () => {
      assert.equal(fixedLine('rules/floating-pragma.sol', 'floating-pragma', 2), 'pragma solidity 0.8.20;');
    });
    it('deprecated-standards replaces each construct', () => {
      const fixture = 'rules/deprecated-standards.sol';
      assert.equal(fixedLine(fixture, 'deprecated-standards', 9), 'if (msg.sender != owner) revert();');
      assert.equal(fixedLine(fixture, 'deprecated-standards', 10), 'selfdestruct(owner);');
      assert.match(fixedLine(fixture, 'deprecated-standards', 13), /^function digest\(uint256 x\) public view returns \(bytes32\) \{/);
      assert.equal(fixedLine(fixture, 'deprecated-standards', 19), 'uint256 half = lockedUntil / (2 * 365 days);');
      assert.equal(fixedLine(fixture, 'deprecated-standards', 27), 'return gasleft();');
      assert.equal(fixedLine(fixture, 'deprecated-standards', 35), 'uint256 copy = limit;');
    });
    it('constable-states and immutable-states insert the keyword after the type', () => {
      assert.equal(fixedLine('rules/constable-states.sol', 'constable-states', 5), 'uint256 constant public fee = 30;');
      assert.equal(fixedLine('rules/immutable-states.sol', 'immutable-states', 10), 'IToken immutable public token;');
    });
    it('external-function makes the function external and moves read-only parameters to calldata', () => {
      assert.equal(
        fixedLine('rules/external-function.sol', 'external-function', 7),
        'function batch(address[] calldata users, uint256[] calldata amounts) external {',
      );
      // `values` is written, so it stays in memory.
      assert.equal(fixedLine('rules/external-function.sol', 'external-function', 15), 'function normalize(uint256[] memory values) external pure returns (uint256[] memory) {');
    });
    it('missing-zero-check requires the parameter first, on its own line at the indentation of the body', () => {
      assert.equal(fixedLine('rules/missing-zero-check.sol', 'missing-zero-check', 28), 'require(newTreasury != address(0), "newTreasury: zero address");\n        treasury = newTreasury;');
      // Each of two flagged parameters gets its own check, before the first statement.
      assert.equal(
        fixedLines('rules/missing-zero-check.sol', 'missing-zero-check', 84, 82, 84),
        'function setBoth(address newTreasury, address newCollector) external onlyOwner {\n        require(newCollector != address(0), "newCollector: zero address");\n        treasury = newTreasury;',
      );
    });
    it('missing-zero-check keeps a one-line body on one line, and a next-line suppression on its statement', () => {
      const oneLine = 'pragma solidity 0.8.24;\ncontract C {\n    address public treasury;\n    function setTreasury(address t) external { treasury = t; }\n}\n';
      const { edits } = fixOf('rules/missing-zero-check.sol', 'missing-zero-check', 4, oneLine);
      assert.equal(applyEdits(oneLine, edits).split('\n')[3], '    function setTreasury(address t) external { require(t != address(0), "t: zero address"); treasury = t; }');
      assert.equal(
        fixedLines('engine/suppressions.sol', 'missing-zero-check', 11, 9, 12),
        'function nextLine(address payable to) external {\n        require(to != address(0), "to: zero address");\n        // sol-audit-disable-next-line unchecked-send, transfer-gas-stipend, arbitrary-send-eth -- refunds are best effort\n        to.send(1 wei);',
      );
    });
    it('reentrancy-eth adds the inherited `nonReentrant` before `returns`, and nothing without a guard to add', () => {
      assert.equal(fixedLines('rules/reentrancy-eth.sol', 'reentrancy-eth', 108, 106, 106), 'function withdrawUnguarded(uint256 amount) external nonReentrant returns (bool) {');
      assert.ok(!hasFix('rules/reentrancy-eth.sol', 'reentrancy-eth', 16), 'ReentrantVault declares no nonReentrant');
      // A public function, which a guarded one may call: a nested nonReentrant would revert.
      assert.ok(!hasFix('rules/reentrancy-eth.sol', 'reentrancy-eth', 118));
    });
    it('reentrancy-no-eth and reentrancy-callback add `nonReentrant` only when the guard is the whole remedy', () => {
      assert.equal(fixedLines('rules/reentrancy-no-eth.sol', 'reentrancy-no-eth', 87, 85, 85), 'function claim(IReceiver receiver) external nonReentrant {');
      assert.equal(fixedLines('rules/reentrancy-callback.sol', 'reentrancy-callback', 80, 78, 78), 'function claimOwn() external nonReentrant {');
      // `nextId` written after the hook would stay stale for views under a guard (read-only reentrancy).
      assert.ok(!hasFix('rules/reentrancy-callback.sol', 'reentrancy-callback', 88));
    });
    it('unprotected-critical-function and unprotected-upgrade add an available `onlyOwner`', () => {
      assert.equal(fixedLines('rules/unprotected-critical-function.sol', 'unprotected-critical-function', 17, 16, 16), 'function setTreasury(address t) external onlyOwner {');
      assert.ok(!hasFix('rules/unprotected-critical-function.sol', 'unprotected-critical-function', 100), 'PyramidFees declares no onlyOwner');
      assert.ok(!hasFix('rules/unprotected-critical-function.sol', 'unprotected-critical-function', 34), 'an owner-only fallback would refuse every other call');
      assert.equal(fixedLine('rules/unprotected-upgrade.sol', 'unprotected-upgrade', 77), 'function _authorizeUpgrade(address) internal override onlyOwner {}');
      assert.ok(!hasFix('rules/unprotected-upgrade.sol', 'unprotected-upgrade', 19), 'OpenUpgrade declares no onlyOwner');
    });
    it('the modifier goes after the last header token, before a trailing comment and a `returns` on later lines', () => {
      const text = [
        'pragma solidity 0.8.24;',
        'contract Settings {',
        '    address public owner;',
        '    address public treasury;',
        '    modifier onlyOwner() {',
        '        require(msg.sender == owner, "not owner");',
        '        _;',
        '    }',
        '    function setTreasury(address t)',
        '        external // anyone may call {',
        '        returns (address previous)',
        '    {',
        '        require(t != address(0), "zero");',
        '        previous = treasury;',
        '        treasury = t;',
        '    }',
        '}',
        '',
      ].join('\n');
      const finding = analyzeFixture(path.join(FIXTURES_ROOT, 'rules/unprotected-critical-function.sol'), text).find((f) => f.ruleId === 'unprotected-critical-function');
      assert.ok(finding?.fix, 'no unprotected-critical-function fix on the multi-line header');
      assert.equal(applyEdits(text, finding.fix.edits).split('\n')[9], '        external onlyOwner // anyone may call {');
    });
    it('boolean-equality drops or negates the comparison', () => {
      assert.equal(fixedLine('rules/boolean-equality.sol', 'boolean-equality', 9), 'require(!paused, "paused");');
      assert.equal(fixedLine('rules/boolean-equality.sol', 'boolean-equality', 12), 'return (a < b);');
      assert.equal(fixedLine('rules/boolean-equality.sol', 'boolean-equality', 16), 'return !(x && y);');
    });
  });
});
