// The engine never throws on hostile input: empty, binary, huge, pathologically nested and broken files,
// and paths that cannot be read. Each becomes findings or listed errors; the other files are still scanned.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG, defaultRegistry, InMemoryFileHost, NodeFileHost, scanFiles, selectRules, type FileHost, type ScanResult } from '../src/index';
import { MAX_SYNTAX_ERRORS } from '../src/parse/parseSolidity';

const ROOT = '/project';
const selection = selectRules(defaultRegistry(), DEFAULT_CONFIG);

function scanTexts(files: Record<string, string>, host: FileHost = new InMemoryFileHost(new Map(Object.entries(files).map(([name, text]) => [`${ROOT}/${name}`, text])))): ScanResult {
  return scanFiles(Object.keys(files).map((name) => `${ROOT}/${name}`), ROOT, selection, host);
}

/** No rule may crash on any of these inputs: a crash is reported as an internal-error finding. */
function assertNoRuleCrashed(result: ScanResult): void {
  const crashes = result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message);
  assert.deepEqual(crashes, []);
}

const TX_ORIGIN_CONTRACT = 'pragma solidity 0.8.24;\ncontract W {\n    address owner;\n    function f() external view {\n        require(tx.origin == owner);\n    }\n}\n';

/**
 * About 20,000 lines of ordinary code in one file, as a flattened project looks: many contracts of twenty
 * functions, each with state, mappings, events, branches and a tx.origin check.
 */
function generatedFile(lineTarget: number): { text: string; functionCount: number } {
  const lines = ['pragma solidity 0.8.24;'];
  let functionCount = 0;
  for (let c = 0; lines.length < lineTarget; c++) {
    lines.push(`contract Generated${c} {`, '    address owner;', '    uint256 limit;', '    mapping(address => uint256) balances;', '    event Updated(address who, uint256 value);');
    for (let i = 0; i < 20; i++, functionCount++) {
      lines.push(
        `    function f${i}(uint256 a, address to) external returns (uint256) {`,
        `        uint256 b = a * ${i} + balances[to];`,
        '        if (b > limit) {',
        '            b = limit;',
        '        }',
        '        balances[to] = b;',
        '        require(tx.origin == owner, "not owner");',
        '        emit Updated(to, b);',
        '        return b;',
        '    }',
      );
    }
    lines.push('}');
  }
  return { text: `${lines.join('\n')}\n`, functionCount };
}

describe('bad input', () => {
  it('an empty file yields no findings and no errors', () => {
    const result = scanTexts({ 'Empty.sol': '' });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.files, [`${ROOT}/Empty.sol`]);
  });

  it('binary garbage becomes a syntax-error finding', () => {
    let seed = 42;
    const bytes = Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(seed % 256);
    });
    const result = scanTexts({ 'Garbage.sol': bytes.join('') });
    assertNoRuleCrashed(result);
    assert.ok(result.findings.some((f) => f.ruleId === 'syntax-error'));
  });

  it('a file with many syntax errors lists its first ones and counts the rest in one more', () => {
    // Binary data is one ERROR node for tree-sitter; a hundred broken statements are a hundred errors.
    const functions = Array.from({ length: 100 }, (_, i) => `    function f${i}() external {\n        uint256 x = ;\n    }`);
    const result = scanTexts({ 'Broken.sol': `pragma solidity 0.8.24;\ncontract Broken {\n${functions.join('\n')}\n}\n` });
    assertNoRuleCrashed(result);
    const syntaxErrors = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.equal(syntaxErrors.length, MAX_SYNTAX_ERRORS + 1);
    assert.equal(syntaxErrors[0].range.startLine, 4);
    assert.match(syntaxErrors.at(-1)?.message ?? '', /^Syntax error: 50 more syntax errors after this point are not listed/);
  });

  it('a 20,000-line generated file is analysed completely', function () {
    this.timeout(600_000);
    const { text, functionCount } = generatedFile(20_000);
    const result = scanTexts({ 'Generated.sol': text });
    assertNoRuleCrashed(result);
    assert.ok(result.lineCount >= 20_000, `${result.lineCount} lines`);
    const txOrigin = result.findings.filter((f) => f.ruleId === 'tx-origin');
    assert.equal(txOrigin.length, functionCount, 'one tx-origin finding per generated function');
  });

  it('5,000 nested parentheses give a clear finding, not a stack overflow or a hang', function () {
    this.timeout(30_000);
    const depth = 5000;
    const text = `pragma solidity 0.8.24;\ncontract Deep {\n    function f() external pure returns (uint256) {\n        return ${'('.repeat(depth)}1${')'.repeat(depth)};\n    }\n}\n`;
    const result = scanTexts({ 'Deep.sol': text });
    assertNoRuleCrashed(result);
    const [finding] = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.ok(finding, 'a syntax-error finding explains why the file was not analysed');
    assert.match(finding.message, /nested/);
    assert.equal(finding.range.startLine, 4);
  });

  it('brackets inside comments and strings do not count towards the nesting limit', () => {
    const deep = '('.repeat(40);
    const text = `pragma solidity 0.8.24;\n// ${deep}\n/* ${'['.repeat(40)} */\ncontract Fine {\n    string s = "${deep}";\n    address owner;\n    function f() external view {\n        require(tx.origin == owner);\n    }\n}\n`;
    const result = scanTexts({ 'Fine.sol': text });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'syntax-error'), []);
    assert.ok(result.findings.some((f) => f.ruleId === 'tx-origin'));
  });

  it('a syntax error is a finding at its place, and the rest of the file is still analysed', () => {
    const text = 'pragma solidity 0.8.24;\ncontract Broken {\n    address owner;\n    function f() external view {\n        require(tx.origin == owner);\n    }\n    function g() external {\n        uint256 x = ;\n    }\n}\n';
    const result = scanTexts({ 'Broken.sol': text });
    assertNoRuleCrashed(result);
    const syntax = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.equal(syntax.length, 1, syntax.map((f) => f.message).join('\n'));
    assert.equal(syntax[0].range.startLine, 8);
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'tx-origin').map((f) => f.range.startLine),
      [5],
    );
  });

  it('a file that ends inside a function (still being typed) reports the open brace and analyses the rest', () => {
    const text = 'pragma solidity 0.8.24;\ncontract Typing {\n    address owner;\n    function f() external view {\n        require(tx.origin == owner);\n    }\n    function g() external {\n        owner = msg.sender;\n';
    const result = scanTexts({ 'Typing.sol': text });
    assertNoRuleCrashed(result);
    const syntax = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.deepEqual(syntax.map((f) => [f.range.startLine, f.message]), [[7, "Syntax error: '{' is not closed before the end of the file"]]);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'tx-origin').map((f) => f.range.startLine), [5]);
  });

  it('a broken statement is left out and named by what was unexpected or missing', () => {
    const text = 'pragma solidity 0.8.24;\ncontract Broken {\n    address owner;\n    function f() external view {\n        uint256 a = 1 2;\n        require(tx.origin == owner);\n    }\n    function g() external {\n        owner = msg.sender\n    }\n}\n';
    const result = scanTexts({ 'Broken.sol': text });
    assertNoRuleCrashed(result);
    const syntax = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.deepEqual(syntax.map((f) => [f.range.startLine, f.message]), [[5, "Syntax error: unexpected '2'"], [9, "Syntax error: missing ';'"]]);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'tx-origin').map((f) => f.range.startLine), [6]);
  });

  it('a call left open at the end of its statement does not swallow the rest of the file', () => {
    // Tree-sitter alone reads g() and the next contract into the arguments of the open call.
    const text = 'pragma solidity 0.8.24;\ncontract Lottery {\n    address owner;\n    function random(address[] memory p) public view returns (uint256) {\n        return uint256(keccak256(abi.encodePacked(block.prevrandao, p; // note\n    }\n    function g() external view {\n        require(tx.origin == owner);\n    }\n}\ncontract Other {\n    address owner;\n    function h() external view {\n        require(tx.origin == owner);\n    }\n}\n';
    const result = scanTexts({ 'Open.sol': text });
    assertNoRuleCrashed(result);
    const syntax = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.deepEqual(syntax.map((f) => [f.range.startLine, f.range.startColumn, f.message]), [[5, 23, "Syntax error: '(' is not closed before the end of its statement, which was skipped"]]);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'tx-origin').map((f) => f.range.startLine), [8, 14]);
  });

  it('a statement being typed above an `if` is skipped, not read into the rest of the contract', () => {
    // Tree-sitter alone reads `uint256 q =` and the `if` below it as one broken declaration, closes f() there and
    // reports the rest of its body as errors among the members, down to the contract's last brace.
    const text =
      'pragma solidity 0.8.24;\ncontract Typing {\n    address owner;\n    function f(uint256 a) external view {\n        uint256 q =\n        if (a > 0) {\n            require(tx.origin == owner);\n        }\n    }\n    function g() external view {\n        require(tx.origin == owner);\n    }\n}\n';
    const result = scanTexts({ 'Typing.sol': text });
    assertNoRuleCrashed(result);
    const syntax = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.deepEqual(syntax.map((f) => [f.range.startLine, f.message]), [[5, 'Syntax error: this line cannot be parsed and was skipped']]);
    // The rest of f() and g() are read as before the line was typed.
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'tx-origin').map((f) => f.range.startLine), [7, 11]);
  });

  it('a file that is only a syntax error yields its finding', () => {
    const result = scanTexts({ 'Nonsense.sol': 'this is not solidity' });
    assertNoRuleCrashed(result);
    const syntax = result.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.ok(syntax.length >= 1);
    assert.equal(syntax[0].range.startLine, 1);
  });

  describe('on disk', () => {
    let dir: string;

    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-bad-input-'));
      fs.writeFileSync(path.join(dir, 'Good.sol'), TX_ORIGIN_CONTRACT);
      fs.mkdirSync(path.join(dir, 'Folder.sol'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('an unreadable path is listed as an error and the other files are still scanned', () => {
      const files = ['Missing.sol', 'Good.sol', 'Folder.sol'].map((name) => path.join(dir, name));
      const result = scanFiles(files, dir, selection, new NodeFileHost());
      assert.deepEqual(result.files, [path.join(dir, 'Good.sol')]);
      assert.deepEqual(
        result.errors.map((e) => path.basename(e.file)),
        ['Missing.sol', 'Folder.sol'],
      );
      assert.ok(result.errors.every((e) => e.message.length > 0));
      assert.ok(result.findings.some((f) => f.ruleId === 'tx-origin'));
    });
  });
});
