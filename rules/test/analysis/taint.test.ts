// FunctionTaint: parameter and msg.* taint flows through locals; state reads indexed by tainted keys do not.

import * as assert from 'node:assert/strict';
import type { ASTNode, ReturnStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { FunctionTaint } from '../../src/analysis/taint';
import { functionOf, loadProject } from './analysisProject';

const SOURCE = `
contract T {
  mapping(uint256 => address) owners;
  function viaLocals(address a) external view returns (address) { address b = a; address c; c = b; return c; }
  function viaState(uint256 id) external view returns (address) { address o = owners[id]; return o; }
  function viaSender() external view returns (address) { address s = msg.sender; return payable(s); }
}`;

function returned(name: string, sources?: ConstructorParameters<typeof FunctionTaint>[1]): boolean {
  const { fn, scope } = functionOf(loadProject({ 'T.sol': SOURCE }), 'T', name);
  const ret = fn.body!.statements.find((s) => s.type === 'ReturnStatement') as ReturnStatement;
  return new FunctionTaint(scope, sources).isTainted(ret.expression as ASTNode);
}

describe('analysis/taint FunctionTaint', () => {
  it('follows parameters through declarations and assignments', () => assert.equal(returned('viaLocals', { parameters: true }), true));
  it('does not taint a state value read with a tainted key', () => assert.equal(returned('viaState', { parameters: true }), false));
  it('tracks msg.sender only when asked', () => {
    assert.equal(returned('viaSender', { msgSender: true }), true);
    assert.equal(returned('viaSender', { parameters: true }), false);
  });
});
