// YulBounds: upper bounds the syntax of an assembly block proves, and the values it must leave unbounded.

import * as assert from 'node:assert/strict';
import type { AssemblyCall, InlineAssemblyStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { YulBounds } from '../../src/analysis/yulBounds';
import { findAll } from '../../src/engine/walk';
import { functionOf, loadProject } from './analysisProject';

const SOURCE = `
contract Y {
  function f(uint256 n, uint256 word) external pure returns (uint256 r) {
    assembly {
      function helper(a_, b_) -> v_ { v_ := probe(a_, b_) }
      let flag := gt(n, 0xfffe)
      let m := shl(4, lt(0xffff, n))
      r := probe(flag, and(word, 0xff))
      r := probe(shr(1, or(m, shl(3, flag))), word)
      r := probe(add(flag, 4), mul(flag, 16))
      r := helper(flag, 1)
      r := helper(word, 2)
      for { let i := 0 } lt(i, 3) { i := add(i, 1) } { r := probe(m, 0)  m := word }
    }
  }
}`;

/** The bounds of both arguments of every `probe(x, y)` call, in source order, as strings ('none' if unbounded). */
function probes(): string[][] {
  const { fn } = functionOf(loadProject({ 'Y.sol': SOURCE }), 'Y', 'f');
  const assembly = findAll(fn.body!, (n): n is InlineAssemblyStatement => n.type === 'InlineAssemblyStatement')[0];
  const bounds = YulBounds.of(assembly);
  return findAll(assembly, (n): n is AssemblyCall => n.type === 'AssemblyCall' && n.functionName === 'probe').map((call) =>
    call.arguments.map((a) => String(bounds.upperBound(a) ?? 'none')),
  );
}

describe('analysis/yulBounds YulBounds', () => {
  const [helperBody, masked, computed, arithmetic, loop] = probes();

  it('bounds comparisons and masks, and leaves a Solidity word unbounded', () => assert.deepEqual(masked, ['1', '255']));
  it('follows shifts and ors of bounded values, and the let that reaches the use', () => assert.deepEqual(computed, ['15', 'none']));
  it('adds and multiplies bounds', () => assert.deepEqual(arithmetic, ['5', '16']));
  it('bounds a helper parameter only when every call site does', () => assert.deepEqual(helperBody, ['none', '2']));
  it('takes a definition inside the loop around the use into account', () => assert.deepEqual(loop, ['none', '0']));
});
