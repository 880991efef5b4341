// The editor's incremental parse must be invisible: after every edit of a random sequence (a fixed seed), the
// tree the cache built from the previous one (the edited item converted again, the rest moved) must equal a
// fresh parse of the same text, node for node with every position. Closing a file frees its tree.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ASTNode, SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { Tree } from 'web-tree-sitter';
import { NodeFileHost } from '../src/project/nodeFileHost';
import { collectSolidityFiles } from '../src/project/projectFiles';
import { createSourceFile, type SourceFile } from '../src/project/sourceFile';
import { walk } from '../src/engine/walk';
import { randomEdit, seededRandom } from './support/randomEdits';
import { IncrementalParseCache } from '../src/project/incrementalParseCache';

const REPO = path.resolve(__dirname, '../..');
const SOURCES = [
  'node_modules/@openzeppelin/contracts/token/ERC20/ERC20.sol',
  'node_modules/@openzeppelin/contracts/governance/Governor.sol',
  'node_modules/@openzeppelin/contracts/utils/math/Math.sol',
  'test-fixtures/rules/reentrancy-eth.sol',
].map((p) => path.join(REPO, p));

/** Every fixture that parses without errors, with a cache holding its tree; the tree is freed after `visit`. */
function forEachParsedFixture(visit: (file: string, text: string, parsed: SourceFile & { ast: SourceUnit }, cache: IncrementalParseCache) => void): void {
  const host = new NodeFileHost();
  for (const file of collectSolidityFiles(path.join(REPO, 'test-fixtures'), host, true)) {
    const text = host.readFile(file) as string;
    const parsed = createSourceFile(file, text);
    if (!parsed.ast || parsed.syntaxErrors.length > 0) continue;
    const cache = new IncrementalParseCache(() => true);
    cache.get(file, text);
    visit(file, text, parsed as SourceFile & { ast: SourceUnit }, cache);
    cache.delete(file);
  }
}

describe('incremental parse cache', () => {
  for (const [source, lineEnding] of [...SOURCES.map((s) => [s, '\n']), [SOURCES[0], '\r\n']]) {
    const crlf = lineEnding === '\r\n' ? ' with CRLF line endings' : '';
    it(`equals a fresh parse after each of 60 random edits of ${path.basename(source)}${crlf}`, () => {
      const original = fs.readFileSync(source, 'utf8').replace(/\r?\n/g, lineEnding);
      const cache = new IncrementalParseCache(() => true);
      const random = seededRandom(11);
      const kinds = new Map<string, number>();
      let splicedWithErrors = 0;
      let text = original;
      cache.get(source, text);
      for (let i = 0; i < 60; i++) {
        // Every third edit restores the original, so most edits start from a text that parses.
        text = i % 3 === 2 ? original : randomEdit(text, random);
        const file = cache.get(source, text);
        const kind = cache.lastParseOf(source);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        if (kind === 'spliced' && file.syntaxErrors.length > 0) splicedWithErrors++;
        const fresh = createSourceFile(source, text);
        assert.deepEqual(file.ast, fresh.ast, `tree differs after edit ${i}`);
        assert.deepEqual(file.syntaxErrors, fresh.syntaxErrors, `syntax errors differ after edit ${i}`);
        assert.deepEqual([file.pragma, file.importDirectives], [fresh.pragma, fresh.importDirectives], `pragma or imports differ after edit ${i}`);
      }
      assert.equal(kinds.get('full'), undefined, 'every edit re-parses from the kept tree');
      // Guards the test itself: the comparisons prove something only if edits were spliced (an edit from or to a
      // text with a syntax error converts the whole tree).
      assert.ok((kinds.get('spliced') ?? 0) >= 10, `only ${kinds.get('spliced') ?? 0} of 60 edits were spliced`);
      // And some of them with a syntax error (a random edit usually makes one): the item converted from a fresh parse.
      assert.ok(splicedWithErrors >= 3, `only ${splicedWithErrors} edits with a syntax error were spliced`);
      cache.delete(source);
    });
  }

  it('moves the tree without converting anything on an edit inside a comment, and records a body edit', () => {
    const text = 'pragma solidity ^0.8.0;\n// about C\ncontract C {\n    uint256 x;\n    function f() public { x = 1; }\n}\n';
    const cache = new IncrementalParseCache(() => true);
    const before = cache.get('/p/C.sol', text);
    const contract = before.ast?.children[1];
    const commented = cache.get('/p/C.sol', text.replace('about C', 'about the C!'));
    assert.equal(commented.ast?.children[1], contract, 'the contract node is kept');
    assert.deepEqual(commented.ast, createSourceFile('/p/C.sol', commented.text).ast);
    assert.equal(commented.bodyEdit, undefined);
    // Typing at the end of a line comment extends it: still nothing converted.
    const appended = cache.get('/p/C.sol', commented.text.replace('the C!', 'the C!!'));
    assert.equal(appended.ast?.children[1], contract, 'the contract node is kept after typing at the end of a comment');
    assert.deepEqual(appended.ast, createSourceFile('/p/C.sol', appended.text).ast);
    const edited = cache.get('/p/C.sol', appended.text.replace('x = 1;', 'x = 12;'));
    assert.equal(edited.bodyEdit?.callable.name, 'f');
    assert.equal(edited.bodyEdit?.delta, 1);
    const inBody = cache.get('/p/C.sol', edited.text.replace('x = 12; }', 'x = 12; /* set */ }'));
    const bodyComment = cache.get('/p/C.sol', inBody.text.replace('/* set */', '/* set x */'));
    assert.equal(cache.lastParseOf('/p/C.sol'), 'spliced');
    const f = (inBody.ast?.children[1] as { subNodes: unknown[] }).subNodes[1];
    assert.equal(bodyComment.bodyEdit?.callable, f, 'a comment in a body is an edit of that body, its node kept');
    assert.deepEqual(bodyComment.ast, createSourceFile('/p/C.sol', bodyComment.text).ast);
    const stateEdit = cache.get('/p/C.sol', bodyComment.text.replace('uint256 x;', 'uint256 xy;'));
    assert.equal(stateEdit.bodyEdit, undefined, 'a state variable edit is no body edit');
    assert.deepEqual(stateEdit.ast, createSourceFile('/p/C.sol', stateEdit.text).ast);
  });

  it('reports half-typed code at the edit and keeps the rest of the tree', () => {
    const text = 'contract Vault {\n    function f() external {\n        uint256 a = 1;\n    }\n    function g() external {}\n}\n';
    const cache = new IncrementalParseCache(() => true);
    cache.get('/p/Vault.sol', text);
    const halfTyped = cache.get('/p/Vault.sol', text.replace('uint256 a = 1;', 'uint256 x = ;'));
    assert.equal(halfTyped.syntaxErrors.length, 1);
    assert.equal(halfTyped.syntaxErrors[0].range.startLine, 3);
    assert.deepEqual(halfTyped.ast, createSourceFile('/p/Vault.sol', halfTyped.text).ast);
    // The error lies inside f's body: only f is converted again (its broken statement left out), as a body edit.
    assert.equal(cache.lastParseOf('/p/Vault.sol'), 'spliced');
    assert.equal(halfTyped.bodyEdit?.callable.name, 'f');
    const g = (halfTyped.ast?.children[0] as { subNodes: unknown[] }).subNodes[1];
    // Typing on until it parses again: f alone again, g kept.
    const repaired = cache.get('/p/Vault.sol', halfTyped.text.replace('uint256 x = ;', 'uint256 x = 2;'));
    assert.equal(cache.lastParseOf('/p/Vault.sol'), 'spliced');
    assert.deepEqual(repaired.syntaxErrors, []);
    assert.equal((repaired.ast?.children[0] as { subNodes: unknown[] }).subNodes[1], g);
    assert.deepEqual(repaired.ast, createSourceFile('/p/Vault.sol', repaired.text).ast);
  });

  it('converts the whole tree when parseSolidity repairs the text: a block or a bracket left open', () => {
    const text = 'contract Vault {\n    function f() external {\n        uint256 a = 1;\n    }\n    function g() external {}\n}\n';
    const cache = new IncrementalParseCache(() => true);
    cache.get('/p/Vault.sol', text);
    for (const broken of [text.replace('uint256 a = 1;', 'uint256 a = (1;'), text.slice(0, text.lastIndexOf('}'))]) {
      const file = cache.get('/p/Vault.sol', broken);
      assert.equal(cache.lastParseOf('/p/Vault.sol'), 'incremental');
      assert.deepEqual([file.ast, file.syntaxErrors], [createSourceFile('/p/Vault.sol', broken).ast, createSourceFile('/p/Vault.sol', broken).syntaxErrors]);
      // Repaired means read whole: the next edit cannot know which items the repair changed.
      const next = cache.get('/p/Vault.sol', broken.replace('function g', 'function gg'));
      assert.equal(cache.lastParseOf('/p/Vault.sol'), 'incremental');
      assert.deepEqual(next.ast, createSourceFile('/p/Vault.sol', next.text).ast);
      cache.get('/p/Vault.sol', text);
    }
  });

  it('keeps a pre-0.5 constructor (a function named like its contract) a constructor', () => {
    const text = 'pragma solidity 0.4.24;\ncontract Owned {\n    address owner;\n    function Owned() public { owner = msg.sender; }\n}\n';
    const cache = new IncrementalParseCache(() => true);
    cache.get('/p/Owned.sol', text);
    const next = cache.get('/p/Owned.sol', text.replace('owner = msg.sender;', 'owner = tx.origin;'));
    assert.equal(cache.lastParseOf('/p/Owned.sol'), 'spliced');
    assert.deepEqual(next.ast, createSourceFile('/p/Owned.sol', next.text).ast);
  });

  it('equals a fresh parse when a comment line goes above every third declaration of every fixture', function () {
    this.timeout(300_000);
    let spliced = 0;
    forEachParsedFixture((file, text, parsed, cache) => {
      // Above top-level nodes and the first members of each contract: between items, and after a contract's `{`.
      const declarations = (parsed.ast.children as ASTNode[]).flatMap((n) => [n, ...(n.type === 'ContractDefinition' ? (n.subNodes as ASTNode[]).slice(0, 2) : [])]);
      for (const node of declarations.filter((_, i) => i % 3 === 0)) {
        const lineStart = text.lastIndexOf('\n', (node.range as [number, number])[0] - 1) + 1;
        const next = `${text.slice(0, lineStart)}    // probe\n${text.slice(lineStart)}`;
        const file2 = cache.get(file, next);
        if (cache.lastParseOf(file) === 'spliced') spliced++;
        assert.deepEqual(file2.ast, createSourceFile(file, next).ast, `${path.basename(file)}: comment above line ${text.slice(0, lineStart).split('\n').length}`);
        cache.get(file, text);
      }
    });
    assert.ok(spliced > 100, `only ${spliced} edits were spliced`);
  });

  it('equals a fresh parse after base-list and multi-line header edits of every fixture contract, keeping its members', function () {
    this.timeout(300_000);
    let kept = 0;
    let edits = 0;
    forEachParsedFixture((file, text, parsed, cache) => {
      for (const contract of parsed.ast.children as ASTNode[]) {
        if (contract.type !== 'ContractDefinition' || contract.kind === 'library') continue;
        const nameEnd = text.indexOf(contract.name, (contract.range as [number, number])[0]) + contract.name.length;
        const bodyOpen = text.indexOf('{', (contract.baseContracts.at(-1)?.range?.[1] ?? nameEnd - 1) + 1);
        // A base added (on a line of its own: the header grows by a line), and the base list removed.
        const variants = [`${text.slice(0, nameEnd)} is\n    IProbe${contract.baseContracts.length > 0 ? ',' : ''}${text.slice(nameEnd + (contract.baseContracts.length > 0 ? 3 : 0))}`];
        if (contract.baseContracts.length > 0) variants.push(`${text.slice(0, nameEnd)} ${text.slice(bodyOpen)}`);
        for (const next of variants) {
          const before = cache.get(file, text).ast?.children.find((n) => n.range?.[0] === contract.range?.[0]) as { subNodes: ASTNode[] } | undefined;
          const edited = cache.get(file, next);
          edits++;
          const line = text.slice(0, nameEnd).split('\n').length;
          assert.deepEqual(edited.ast, createSourceFile(file, next).ast, `${path.basename(file)}: header of the contract at line ${line}`);
          const after = edited.ast?.children.find((n) => n.type === 'ContractDefinition' && n.name === contract.name) as { subNodes: ASTNode[] } | undefined;
          if (before && after && before.subNodes.length > 0 && after.subNodes[0] === before.subNodes[0]) kept++;
          assert.equal(edited.memberEdit?.kind, 'header', `${path.basename(file)}: the edit at line ${line} is recorded as a header edit`);
        }
        cache.get(file, text);
      }
    });
    // Members sharing the header's line (`contract A { ... }` on one line) are converted again; most are kept.
    assert.ok(edits > 200 && kept >= 0.8 * edits, `members kept in ${kept} of ${edits} header edits`);
  });

  it('equals a fresh parse when a half-typed statement goes into every function body, and above every `if`, of every fixture', function () {
    this.timeout(300_000);
    let spliced = 0;
    let edits = 0;
    let skippedLines = 0;
    forEachParsedFixture((file, text, parsed, cache) => {
      const bodies = (parsed.ast.children as ASTNode[])
        .flatMap((n) => (n.type === 'ContractDefinition' ? (n.subNodes as ASTNode[]) : [n]))
        .flatMap((n) => (n.type === 'FunctionDefinition' && n.body?.range ? [n.body.range[0] + 1] : []));
      // And a line typed above every `if`, which tree-sitter reads on into (parseSolidity skips that line).
      const ifLines: number[] = [];
      walk(parsed.ast, {
        enter: (node: ASTNode) => {
          if (node.type === 'IfStatement' && node.range) ifLines.push(text.lastIndexOf('\n', node.range[0]));
        },
        exit: () => undefined,
      });
      for (const at of [...bodies, ...ifLines]) {
        // Typed and typed on: an initialiser missing, then the statement complete but its `;` missing.
        for (const typed of ['\n        uint256 probe = ', '\n        uint256 probe = 1']) {
          const next = `${text.slice(0, at)}${typed}${text.slice(at)}`;
          const edited = cache.get(file, next);
          edits++;
          if (cache.lastParseOf(file) === 'spliced') spliced++;
          if (edited.syntaxErrors.some((e) => e.message.includes('skipped'))) skippedLines++;
          const fresh = createSourceFile(file, next);
          const line = text.slice(0, at).split('\n').length;
          assert.deepEqual([edited.ast, edited.syntaxErrors], [fresh.ast, fresh.syntaxErrors], `${path.basename(file)}: half-typed statement at line ${line}`);
        }
        assert.deepEqual(cache.get(file, text).ast, parsed.ast, `${path.basename(file)}: the body at line ${text.slice(0, at).split('\n').length} restored`);
      }
    });
    // A body sharing its line with other code is converted whole; most are spliced, the skipped lines among them.
    assert.ok(edits > 500 && spliced >= 0.8 * edits, `${spliced} of ${edits} half-typed statements were spliced`);
    assert.ok(skippedLines > 100, `only ${skippedLines} half-typed lines were skipped`);
  });

  it('keeps trees of open files only, and frees a tree when its file is dropped', () => {
    const open = new Set(['/p/Open.sol']);
    const cache = new IncrementalParseCache((p) => open.has(p));
    cache.get('/p/Open.sol', 'contract A {}');
    cache.get('/p/Closed.sol', 'contract B {}');
    assert.equal(cache.keptTrees(), 1);
    // WebAssembly memory is freed only by Tree.delete(): count the calls.
    const freed: Tree[] = [];
    const free = Tree.prototype.delete;
    Tree.prototype.delete = function (this: Tree) {
      freed.push(this);
      free.call(this);
    };
    try {
      cache.delete('/p/Open.sol');
    } finally {
      Tree.prototype.delete = free;
    }
    assert.equal(freed.length, 1);
    assert.equal(cache.keptTrees(), 0);
    // Dropped means forgotten: the next text is parsed from nothing.
    cache.get('/p/Open.sol', 'contract A { }');
    assert.equal(cache.lastParseOf('/p/Open.sol'), 'full');
  });
});
