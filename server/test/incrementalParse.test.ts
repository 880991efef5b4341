// The partial reparse: a tree spliced after an edit inside a function body, or else inside one contract, must
// equal a full parse of the new text, positions included; edits anywhere else must fall back to a full parse.

import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import { collectSolidityFiles, createSourceFile, NodeFileHost, type SourceFile } from 'sol-audit-rules';
import { IncrementalParseCache, spliceEdit } from '../src/incrementalParse';

const BASE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Vault {
    mapping(address => uint256) public balances;
    uint256 public total = 1;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
        total += msg.value;
    }

    modifier onlyPositive(uint256 amount) { require(amount > 0, "zero"); _; }

    function withdraw(uint256 amount) external onlyPositive(amount) {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] -= amount;
    }
}

contract After {
    function tail() external pure returns (uint256) { return 42; }
}
`;

function edited(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  assert.ok(at >= 0, `"${search}" not in the text`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** The tree as plain data, so that deepEqual compares every node, range and location. */
function treeOf(file: SourceFile): unknown {
  return JSON.parse(JSON.stringify(file.ast));
}

describe('partial reparse', () => {
  const insideBodies: [string, string, string][] = [
    ['a character typed in a statement', 'total += msg.value;', 'total += msg.value + 1;'],
    ['lines added in a body', '        require(ok);\n', '        require(ok);\n        uint256 left = balances[msg.sender];\n        left;\n'],
    ['lines removed from a body', '        require(ok);\n', ''],
    ['an edit in a one-line modifier body', 'require(amount > 0, "zero");', 'require(amount > 10, "too small");'],
  ];
  for (const [name, search, replacement] of insideBodies) {
    it(`splices ${name} and matches a full parse`, () => {
      const text = edited(BASE, search, replacement);
      const spliced = spliceEdit(createSourceFile('/p/Vault.sol', BASE), text);
      assert.ok(spliced, 'expected a splice');
      assert.deepEqual(treeOf(spliced), treeOf(createSourceFile('/p/Vault.sol', text)));
      assert.equal(spliced.text, text);
    });
  }

  it('moves a state variable initializer after the edit once (it hangs under two keys of the tree)', () => {
    const text = `contract C {\n    function f() external { uint256 a = 1; a; }\n    bytes32 public constant H = keccak256("h");\n}\n`;
    const next = edited(text, 'uint256 a = 1;', 'uint256 a = 1234;\n        a += 1;');
    const spliced = spliceEdit(createSourceFile('/p/C.sol', text), next);
    assert.ok(spliced, 'expected a splice');
    assert.deepEqual(treeOf(spliced), treeOf(createSourceFile('/p/C.sol', next)));
  });

  it('keeps a pre-0.5 constructor (a function named like its contract) a constructor', () => {
    const text = `pragma solidity 0.4.24;\ncontract Owned {\n    address owner;\n    function Owned() public { owner = msg.sender; }\n}\n`;
    const next = edited(text, 'owner = msg.sender;', 'owner = tx.origin;');
    const spliced = spliceEdit(createSourceFile('/p/Owned.sol', text), next);
    assert.ok(spliced, 'expected a splice');
    assert.deepEqual(treeOf(spliced), treeOf(createSourceFile('/p/Owned.sol', next)));
  });

  const insideContracts: [string, string, string][] = [
    ['a state variable', 'uint256 public total = 1;', 'uint256 public total = 12;'],
    ['a function signature', 'function deposit() external payable {', 'function deposit(uint256 x) external payable {'],
    ['a new function', '    function tail()', '    function head() external {}\n    function tail()'],
  ];
  for (const [name, search, replacement] of insideContracts) {
    it(`splices the enclosing contract for ${name}, with no body edit to reuse findings from`, () => {
      const text = edited(BASE, search, replacement);
      const spliced = spliceEdit(createSourceFile('/p/Vault.sol', BASE), text);
      assert.ok(spliced, 'expected a splice');
      assert.deepEqual(treeOf(spliced), treeOf(createSourceFile('/p/Vault.sol', text)));
      assert.equal(spliced.bodyEdit, undefined);
    });
  }

  const commentsOnly: [string, string, string][] = [
    ['the license comment above everything', '// SPDX-License-Identifier: MIT', '// SPDX-License-Identifier: MIT OR Apache-2.0\n// Copyright'],
    ['NatSpec added above a contract', 'contract After {', '/// @title The tail\n/// @notice Returns 42.\ncontract After {'],
    ['a comment between two functions', '    modifier onlyPositive', '    /** Checks the amount. */\n    modifier onlyPositive'],
    ['a blank line removed between members', '    }\n\n    modifier', '    }\n    modifier'],
    ['a comment after the last contract', 'return 42; }\n}\n', 'return 42; }\n}\n// the end\n'],
  ];
  for (const [name, search, replacement] of commentsOnly) {
    it(`moves the tree without parsing for ${name}`, () => {
      const text = edited(BASE, search, replacement);
      const base = createSourceFile('/p/Vault.sol', BASE);
      const baseTree = base.ast;
      const moved = spliceEdit(base, text);
      assert.ok(moved, 'expected the tree to be reused');
      assert.equal(moved.ast, baseTree, 'the same tree, moved in place');
      assert.deepEqual(treeOf(moved), treeOf(createSourceFile('/p/Vault.sol', text)));
      assert.equal(moved.bodyEdit, undefined);
    });
  }

  const codeOrColumns: [string, string, string][] = [
    ['code typed between two functions', '    modifier onlyPositive', '    uint256 public extra;\n    modifier onlyPositive'],
    ['a comment on the line of the next member', '    modifier onlyPositive', '    /* checks */ modifier onlyPositive'],
  ];
  for (const [name, search, replacement] of codeOrColumns) {
    it(`re-parses the contract for ${name}`, () => {
      const text = edited(BASE, search, replacement);
      const base = createSourceFile('/p/Vault.sol', BASE);
      const baseTree = base.ast;
      const spliced = spliceEdit(base, text);
      assert.ok(spliced, 'expected a contract splice');
      assert.equal(spliced.ast, baseTree);
      assert.notEqual(spliced.ast?.children[1], (treeOf(base) as { children: unknown[] }).children[1]);
      assert.deepEqual(treeOf(spliced), treeOf(createSourceFile('/p/Vault.sol', text)));
    });
  }

  it('records the edited callable of a body edit for finding reuse', () => {
    const text = edited(BASE, 'total += msg.value;', 'total += msg.value + 1;');
    const spliced = spliceEdit(createSourceFile('/p/Vault.sol', BASE), text);
    assert.equal(spliced?.bodyEdit?.callable.type, 'FunctionDefinition');
    assert.equal((spliced?.bodyEdit?.callable as { name?: string }).name, 'deposit');
    assert.equal(spliced?.bodyEdit?.delta, 4);
  });

  const elsewhere: [string, string, string][] = [
    ['the pragma, outside every contract', 'pragma solidity ^0.8.20;', 'pragma solidity ^0.8.21;'],
    ['a closing brace of a body', '        total += msg.value;\n    }', '        total += msg.value;\n    }}'],
    ['a body that no longer parses', 'require(ok);', 'require(ok'],
  ];
  for (const [name, search, replacement] of elsewhere) {
    it(`falls back to a full parse for ${name}`, () => {
      assert.equal(spliceEdit(createSourceFile('/p/Vault.sol', BASE), edited(BASE, search, replacement)), undefined);
    });
  }

  it('the cache splices from the last good tree across a syntax error', () => {
    const cache = new IncrementalParseCache();
    cache.get('/p/Vault.sol', BASE);
    assert.equal(cache.lastParseOf('/p/Vault.sol'), 'full');
    const broken = cache.get('/p/Vault.sol', edited(BASE, 'require(ok);', 'require(ok'));
    assert.equal(cache.lastParseOf('/p/Vault.sol'), 'full');
    assert.ok(broken.syntaxErrors.length > 0);
    const fixedText = edited(BASE, 'require(ok);', 'require(ok, "failed");');
    const fixed = cache.get('/p/Vault.sol', fixedText);
    assert.equal(cache.lastParseOf('/p/Vault.sol'), 'spliced');
    assert.deepEqual(treeOf(fixed), treeOf(createSourceFile('/p/Vault.sol', fixedText)));
    cache.get('/p/Vault.sol', fixedText);
    assert.equal(cache.lastParseOf('/p/Vault.sol'), 'cached');
  });

  it('points a parser crash on half-typed code at the edit instead of 1:1', () => {
    const cache = new IncrementalParseCache();
    cache.get('/p/Vault.sol', BASE);
    const halfTyped = edited(BASE, 'require(ok);', 'uint256 x = ;');
    const file = cache.get('/p/Vault.sol', halfTyped);
    assert.equal(file.ast, undefined);
    assert.equal(file.syntaxErrors.length, 1);
    assert.equal(file.syntaxErrors[0].range.startLine, halfTyped.slice(0, halfTyped.indexOf('uint256 x')).split('\n').length);
  });

  it('gives the tree of a full parse when a comment line goes above any declaration of any fixture', function () {
    this.timeout(120_000);
    const host = new NodeFileHost();
    let edits = 0;
    for (const file of collectSolidityFiles(path.resolve(__dirname, '../../test-fixtures'), host, true)) {
      const text = host.readFile(file) as string;
      const parsed = createSourceFile(file, text);
      if (!parsed.ast || parsed.syntaxErrors.length > 0) continue;
      // Above top-level nodes and the first members of each contract: gaps of comments, and gaps holding a `{`.
      const declarations = (parsed.ast.children as ASTNode[]).flatMap((n) => [n, ...(n.type === 'ContractDefinition' ? (n.subNodes as ASTNode[]).slice(0, 2) : [])]);
      // Every third declaration: the whole corpus takes a minute, and a third covers both paths as well.
      for (const node of declarations.filter((_, i) => i % 3 === 0)) {
        const lineStart = text.lastIndexOf('\n', (node.range as [number, number])[0] - 1) + 1;
        const next = `${text.slice(0, lineStart)}    // probe\n${text.slice(lineStart)}`;
        const spliced = spliceEdit(createSourceFile(file, text), next);
        if (!spliced) continue;
        edits++;
        assert.deepEqual(treeOf(spliced), treeOf(createSourceFile(file, next)), `${path.basename(file)}: comment above line ${text.slice(0, lineStart).split('\n').length}`);
      }
    }
    assert.ok(edits > 300, `only ${edits} edits were spliced`);
  });
});
