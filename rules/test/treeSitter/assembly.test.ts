// Each inline assembly (Yul) form, converted from tree-sitter, equals @solidity-parser/parser's AST (issue 11),
// including that parser's quirks: a name read as a value is a call without arguments, a bare name is an
// Identifier, `leave` is an Identifier, and `let a, b := f()` is one definition (tree-sitter splits it).

import { loadTreeSitter } from '../../src/parse/treeSitter';
import { assertConvertsLikeOracle, inFunction } from '../support/treeSitterOracle';

const ASSEMBLY: Record<string, string> = {
  'an empty block': 'assembly { }',
  'the memory-safe flag': 'assembly ("memory-safe") { }',
  'the evmasm dialect': 'assembly "evmasm" { }',
  'let with and without a value': 'assembly { let a := 1 let b }',
  'let with several names': 'assembly { let a, b := f(1) let c, d, e := g() let x, y }',
  'assignments with one and several targets': 'assembly { a := add(a, 0x20) a, b := f(a) a, b, c := g() }',
  'slot, offset and length paths read and assigned': 'assembly { let p := x.slot x.slot := 3 r := arr.offset s := arr.length }',
  'calls of builtins and of Yul functions, nested': 'assembly { mstore(0, gas()) pop(f(add(1, 2))) stop() return(0, 0x20) }',
  'recent builtins': 'assembly { tstore(0, tload(1)) mcopy(0, 32, 64) let h := blobhash(0) let b := blobbasefee() let r := prevrandao() }',
  'if': 'assembly { if iszero(a) { revert(0, 0) } }',
  'for with break and continue': 'assembly { for { let i := 0 } lt(i, 10) { i := add(i, 1) } { if gt(i, 5) { break } continue } }',
  'switch with cases and default': 'assembly { switch a case 0 { b := 1 } case "ab" { } case 0x10 { } default { b := 2 } }',
  'switch with only a default': 'assembly { switch calldataload(4) default { } }',
  'function definitions with and without returns': 'assembly { function g(p, q) -> r, s { r := p } function h() { } function k() -> r { leave } }',
  'literals': 'assembly { pop(true) pop(false) let z := hex"1234" let y := \'x\' let w := "a\\"b" let n := 0x0 }',
  'nested blocks': 'assembly { { let w := false { } } }',
  'comments inside': 'assembly { // c\n let a := /* c */ 1\n }',
  'the slot of a variable named like a builtin, as an argument': 'assembly { sstore(number.slot, 1) let v := sload(timestamp.slot) }',
};

const OLD_ASSEMBLY: Record<string, string> = {
  'stack-style items and labels (0.4)': 'assembly { 0x20 mload pop jump(tag) tag: x }',
};

describe('tree-sitter conversion: inline assembly', () => {
  before(loadTreeSitter);

  for (const [form, body] of Object.entries(ASSEMBLY)) {
    it(form, () => assertConvertsLikeOracle(`pragma solidity ^0.8.24;\n${inFunction(body)}`));
  }
  for (const [form, body] of Object.entries(OLD_ASSEMBLY)) {
    it(form, () => assertConvertsLikeOracle(`pragma solidity ^0.4.24;\n${inFunction(body)}`));
  }
});
