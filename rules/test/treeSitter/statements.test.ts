// Each statement form, converted from tree-sitter, equals @solidity-parser/parser's AST (issue 11), including
// that parser's quirks: `revert(...)` as a call, `throw`, `var` tuples with gaps, the for loop's bare update.

import * as assert from 'node:assert/strict';
import type {
  BaseASTNode,
  BinaryOperation,
  ContractDefinition,
  ExpressionStatement,
  FunctionDefinition,
  Identifier,
  IfStatement,
  TupleExpression,
  VariableDeclaration,
  VariableDeclarationStatement,
} from '@solidity-parser/parser/dist/src/ast-types';
import { loadTreeSitter, parseWithTreeSitter } from '../../src/parse/treeSitter';
import { assertConvertsLikeOracle, inFunction } from '../support/treeSitterOracle';

const STATEMENTS: Record<string, string> = {
  'a declaration without a value': 'uint a;',
  'a declaration with a value': 'uint a = 1;',
  'declarations with storage locations': 'uint[] memory m = n; bytes storage s = t; string calldata c = d;',
  'a tuple declaration with a gap': '(uint a, , bool b) = g();',
  'a tuple declaration with a leading gap': '(, uint a) = g();',
  'a tuple declaration with a trailing comma': '(uint a,) = g();',
  'a one-element tuple declaration': '(uint a) = g();',
  'an empty tuple declaration': '( , , ) = g();',
  'a tuple assignment': '(a, b) = (b, a);',
  'an expression statement': 'a = 1;',
  'the modifier placeholder': '_;',
  'a block, an empty block and nested blocks': '{ a = 1; } {} { { a; } }',
  'unchecked blocks': 'unchecked { a++; } unchecked {}',
  'if without braces': 'if (a) b = 1;',
  'if and else': 'if (a) { b = 1; } else { b = 2; }',
  'an else-if chain': 'if (a) b = 1; else if (c) b = 2; else if (d) { b = 3; } else b = 4;',
  'a dangling else': 'if (a) if (b) c = 1; else c = 2;',
  'for with all three parts': 'for (uint i = 0; i < n; i++) { continue; }',
  'for with an expression as initialiser': 'for (i = 0; i < n; i++) break;',
  'for with no parts': 'for (;;) {}',
  'for with only a condition': 'for (; i < n;) {}',
  'for with only an update': 'for (;; i++) {}',
  'for with only a declaration': 'for (uint i;;) {}',
  'while': 'while (a) a--; while (true) { break; }',
  'do-while': 'do a++; while (a < 10); do { a--; } while (a > 0);',
  'emit': 'emit E(1, 2); emit E ( 1 , 2 ) ;',
  'emit with named arguments': 'emit E({a: 1, b: 2});',
  'revert with a custom error': 'revert Err(1); revert Lib.Err();',
  'revert with a custom error and named arguments': 'revert Err({code: 1});',
  'revert() and revert("reason"), which the oracle reads as calls': 'revert(); revert("reason"); revert(a, b);',
  'return': 'return; return a; return (a, b);',
  'try with returns and every catch form':
    'try this.g() returns (uint r, bool) { a = r; } catch Error(string memory reason) { } catch Panic(uint code) { } ' +
    'catch (bytes memory data) { } catch { }',
  'try without returns, and an unnamed catch parameter': 'try this.g() { } catch (bytes memory) { }',
  'try on a contract creation': 'try new D() returns (D d) { d; } catch { }',
  'comments between statements': '/* a */ a = 1; // b\n    { /* c */ } // d',
};

const OLD_SYNTAX_STATEMENTS: Record<string, string> = {
  'throw': 'if (a == 0) throw; throw;',
  'var': 'var a = 1;',
  'var tuples with gaps': 'var (b, c) = g(); var (d, , e) = g(); var (, f) = g(); var (h,) = g();',
};

describe('tree-sitter conversion: statements', () => {
  before(loadTreeSitter);

  for (const [form, body] of Object.entries(STATEMENTS)) {
    it(form, () => assertConvertsLikeOracle(`pragma solidity ^0.8.0;\n${inFunction(body)}`));
  }
  for (const [form, body] of Object.entries(OLD_SYNTAX_STATEMENTS)) {
    it(`${form} (0.4)`, () => assertConvertsLikeOracle(`pragma solidity ^0.4.24;\n${inFunction(body)}`));
  }

  it('a modifier body and a constructor body are blocks', () => {
    assertConvertsLikeOracle('contract C {\n  modifier m() { _; }\n  constructor() { a = 1; }\n}\n');
  });

  it('tuple gaps stay in a file whose syntax error elsewhere makes recovery drop broken items', () => {
    const source = 'contract C {\n  function f() public { (uint a, , uint b) = g(); (x, , y) = g(); }\n  function broken( { }\n}\n';
    const { ast, syntaxErrors } = parseWithTreeSitter(source);
    assert.equal(syntaxErrors.length, 1);
    const [declaration, assignment] = ((ast.children[0] as ContractDefinition).subNodes[0] as FunctionDefinition).body!.statements as [
      VariableDeclarationStatement,
      ExpressionStatement,
    ];
    assert.deepEqual(declaration.variables.map((v) => (v === null ? null : (v as VariableDeclaration).name)), ['a', null, 'b']);
    const tuple = (assignment.expression as BinaryOperation).left as TupleExpression;
    assert.deepEqual(tuple.components.map((c) => (c === null ? null : (c as Identifier).name)), ['x', null, 'y']);
  });

  it('an else-if chain 5,000 links long converts without recursing per link', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => `if (a == ${i}) { s = ${i}; }`).join(' else ');
    const { ast, problems } = parseWithTreeSitter(inFunction(`${chain} else { s = 0; }`));
    assert.deepEqual(problems, []);
    const f = (ast.children[0] as ContractDefinition).subNodes[0] as FunctionDefinition;
    let links = 0;
    let node: BaseASTNode = f.body!.statements[0];
    while (node.type === 'IfStatement') {
      links++;
      node = (node as IfStatement).falseBody!;
    }
    assert.equal(links, 5000);
    assert.equal(node.type, 'Block');
  });
});
