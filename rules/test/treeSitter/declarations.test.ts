// Pins each declaration form and type name of the tree-sitter converter (issue 11): the converted AST of every
// snippet must equal the one @solidity-parser/parser (the oracle) builds, `loc` and `range` included.

import * as assert from 'node:assert/strict';
import { parse } from '@solidity-parser/parser';
import { loadTreeSitter, parseWithTreeSitter } from '../../src/parse/treeSitter';
import { diffAsts } from '../support/astDiff';

function assertSameAst(source: string): void {
  const expected = parse(source, { loc: true, range: true, tolerant: true }) as { errors?: unknown[] };
  assert.deepEqual(expected.errors ?? [], [], 'the oracle must accept the snippet');
  delete expected.errors;
  const { ast, problems } = parseWithTreeSitter(source);
  assert.deepEqual(problems.map((p) => p.message), []);
  const differences = diffAsts(expected, ast);
  assert.deepEqual(differences, [], differences.map((d) => `${d.nodeType} ${d.path}`).join('\n'));
}

const CASES: Record<string, string> = {
  'an empty file': '',
  'a file of comments and whitespace': '// only a comment\n  /* and another */\n',
  'leading and trailing comments around the source unit': '/* a */ contract A {} // b\n',
  'a version pragma with ranges and alternatives': 'pragma solidity >= 0.4.0   <0.6.0 || ^0.8.0;',
  'a single-version pragma': 'pragma solidity 0.8.20;',
  'abicoder and experimental pragmas': 'pragma abicoder v2;\npragma experimental ABIEncoderV2;',
  'a plain import': 'import "./a.sol";',
  'an import with a unit alias': "import './a.sol' as A;",
  'a star import': 'import * as A from "./a.sol";',
  'symbol imports with and without aliases': 'import {X, Y as Z} from "./a.sol";',
  'an import path with non-ASCII characters (UTF-16 offsets)': 'import {A} from "ü/α.sol"; contract C {}',
  'a contract, an interface, a library and an abstract contract':
    'contract A {}\ninterface I {}\nlibrary L {}\nabstract contract B {}',
  'inheritance with arguments, empty arguments and qualified names': 'contract A is B(1, 2), C(), D . E, F {}',
  'an interface inheriting interfaces': 'interface I is J, K { function f() external; }',
  'a contract with a storage layout': 'contract A layout at 0x1234 is B {}',
  'using-for a library, for any type, and qualified': 'contract A { using L for uint; using L for *; using M.N for T; }',
  'using-for a function list with operators, global': 'using {add as +, sub as -, f, M.g} for Fixed global;\ntype Fixed is int256;',
  'file-level constants, errors, events, structs, enums and functions':
    'uint constant K = 2;\nerror E(uint a, string);\nevent Ev(uint indexed a);\nstruct S { uint a; }\nenum Colour { Red, Green }\nfunction f(uint a) pure returns (uint) {}',
  'user-defined value types': 'type Price is uint128;\ncontract A { type Id is bytes32; }',
  'structs with every kind of member': 'struct S { uint a; address payable b; mapping(address => uint) m; S2[] list; function () external f; }',
  'enums with one and several values': 'enum One { A }\nenum Many { A, B , C }',
  'events: indexed, unnamed, anonymous': 'contract A { event E(address indexed from, address indexed, uint) anonymous; event F(); }',
  'custom errors with and without parameters': 'contract A { error E(); error F(uint a, bytes); }',
  'state variables: visibility, constant, immutable, transient, override':
    'contract A { uint public constant X = 1; uint private immutable y; uint internal transient z; bytes32 public constant override R = 0; uint public override(I, J) w; uint v; }',
  'state variable visibility precedence when several are written': 'contract A { uint private /* c */ constant C = 3; }',
  'elementary type names, address payable and qualified user types':
    'contract A { address payable p; bytes32 b; string s; bool f; int8 i; Lib.S qualified; Lib . S spaced; }',
  'arrays: dynamic, fixed, nested': 'contract A { uint[] a; uint[2][] b; S[][3] c; }',
  'mappings: nested, user-defined keys, named keys and values':
    'contract A { mapping(address => mapping(uint => bool)) m; mapping(Key => S) u; mapping(address owner => mapping(address spender => uint256 amount)) named; }',
  'function types: parameters, returns, visibility, state mutability':
    'contract A { function (uint, bytes memory) internal pure returns (uint, bool) f; function () external payable g; function () internal h; }',
  'a constructor with modifiers, base calls, payable and public': 'contract A is B { constructor(uint a, string memory s) B(a) C() D payable public {} }',
  'fallback and receive functions': 'contract A { fallback(bytes calldata input) external payable returns (bytes memory output) {} receive() external payable virtual {} }',
  'a fallback without parameters': 'contract A { fallback() external {} }',
  'functions: visibility, mutability, virtual, override, modifiers, returns':
    'contract A { function f() external virtual override returns (uint r); function g(uint[] calldata xs, S storage p) internal view returns (uint a, uint b) {} function h() public pure override(B, C) only guarded(1) returns (bytes memory) {} function i() private {} }',
  'a function without a body in an interface': 'interface I { function f(uint) external view returns (uint); }',
  'modifiers: with and without parameters, virtual, override, without a body':
    'contract A { modifier only() virtual; modifier guarded(uint a) override(B) virtual { _; } modifier plain { _; } }',
  'a pre-0.5 constructor named like its contract': 'contract Owned { function Owned() public {} }',
  'a pre-0.5 constant function and an unnamed fallback': 'contract A { function f() constant returns (uint) {} function () payable {} }',
  'a free function named like the last contract is not its constructor': 'contract B {}\nfunction B() {}',
  'a function named like an earlier contract is not a constructor of a later one': 'contract A {}\ncontract B { function A() {} }',
  'comments between the tokens of declarations and type names':
    'contract /* a */ A /* b */ is B /* c */ ( 1 /* d */ ) {\n' +
    '  uint /* e */ public x /* f */ ; // g\n' +
    '  mapping ( address /* h */ => uint /* i */ ) m ;\n' +
    '  function f ( uint a /* j */ , uint b ) public mod /* k */ ( ) returns ( uint /* l */ ) /* m */ { } // n\n' +
    '  struct S { uint a ; /* o */ }\n' +
    '  using L /* p */ . /* q */ M for uint ;\n' +
    '  // last\n' +
    '}\n',
};

describe('tree-sitter converter: declarations and type names', () => {
  before(loadTreeSitter);

  for (const [form, source] of Object.entries(CASES)) {
    it(form, () => assertSameAst(source));
  }

  // The one intended difference in this category (see treeSitterDifferential.test.ts): `payable` is a keyword,
  // so an unnamed `address payable` is the type, where the oracle reads an `address` named `payable`.
  it('an unnamed address payable is a type, not an address named payable', () => {
    const source = 'contract A { mapping(uint => address payable) m; function f() external returns (address payable) {} }';
    const { ast, problems } = parseWithTreeSitter(source);
    assert.deepEqual(problems, []);
    const [mapping, f] = (ast.children[0] as { subNodes: unknown[] }).subNodes as [
      { variables: [{ typeName: { valueType: { name: string; stateMutability: string; range: number[] }; valueName: unknown } }] },
      { returnParameters: [{ name: unknown; identifier: unknown; typeName: { name: string; stateMutability: string } }] },
    ];
    const { valueType, valueName } = mapping.variables[0].typeName;
    assert.deepEqual([valueType.name, valueType.stateMutability, valueType.range, valueName], ['address', 'payable', [29, 43], null]);
    const [returned] = f.returnParameters;
    assert.deepEqual([returned.typeName.name, returned.typeName.stateMutability, returned.name, returned.identifier], ['address', 'payable', null, null]);
  });
});
