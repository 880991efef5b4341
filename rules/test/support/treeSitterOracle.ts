// The per-form check of the tree-sitter front end: a snippet converts to exactly the AST @solidity-parser/parser
// (the oracle) gives, `loc` and `range` included, with no conversion problem.

import * as assert from 'node:assert/strict';
import { parse } from '@solidity-parser/parser';
import { parseWithTreeSitter } from '../../src/parse/treeSitter';
import { diffAsts } from './astDiff';

/** `loadTreeSitter()` must have resolved first (a mocha `before`). */
export function assertConvertsLikeOracle(source: string): void {
  const expected = parse(source, { loc: true, range: true, tolerant: true });
  assert.deepEqual(expected.errors ?? [], [], 'the oracle parses the snippet without errors');
  delete expected.errors;
  const { ast, problems } = parseWithTreeSitter(source);
  assert.deepEqual(problems.map((p) => `${p.message} at ${p.node.startPosition.row + 1}:${p.node.startPosition.column}`), []);
  assert.deepEqual(diffAsts(expected, ast), []);
}

/** `body` as the statements of a function in a contract. */
export function inFunction(body: string): string {
  return `contract C {\n  function f() public {\n    ${body}\n  }\n}\n`;
}
