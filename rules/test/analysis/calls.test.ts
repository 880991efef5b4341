// classifyCall: each call shape maps to its kind, target, value and ETH flag.

import * as assert from 'node:assert/strict';
import type { FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../../src/analysis/calls';
import { findAll } from '../../src/engine/walk';
import { functionOf, loadProject } from './analysisProject';

const SOURCE = `
pragma solidity ^0.8.0;
interface IERC20 { function transfer(address to, uint256 v) external returns (bool); function transferFrom(address f, address t, uint256 v) external returns (bool); }
library SafeLib { function safeSend(address to, uint256 v) internal { (bool ok, ) = to.call{value: v}(""); require(ok); } }
contract Base { function _hook() internal virtual {} }
contract C is Base {
  using SafeLib for address;
  struct Pos { uint256 a; }
  event Done(uint256 x);
  IERC20 token;
  address payable owner;
  uint256[] list;
  function _hook() internal override { super._hook(); }
  function f(address to, address d) external payable {
    to.call{value: 1}("");
    to.call{value: 0}("");
    d.delegatecall("");
    to.staticcall("");
    payable(to).transfer(2);
    payable(to).send(3);
    token.transfer(to, 4);
    IERC20(to).transferFrom(to, d, 5);
    to.safeSend(6);
    SafeLib.safeSend(to, 7);
    _hook();
    require(to != address(0));
    keccak256(abi.encode(to));
    IERC20(to);
    Pos(1);
    list.push(1);
    this.f(to, d);
    emit Done(1);
  }
}`;

describe('analysis/calls classifyCall', () => {
  const { fn, scope } = functionOf(loadProject({ 'C.sol': SOURCE }), 'C', 'f');
  const calls = findAll(fn.body!, (n): n is FunctionCall => n.type === 'FunctionCall').filter((c) => fn.body!.statements.some((s) => (s as { expression?: unknown }).expression === c || (s as { eventCall?: unknown }).eventCall === c));
  const infos = calls.map((c) => classifyCall(c, scope));
  const kinds = infos.map((i) => `${i.kind}${i.sendsEth ? '+eth' : ''}`);

  it('classifies each statement call in order', () => {
    assert.deepEqual(kinds, [
      'low-level-call+eth',
      'low-level-call',
      'delegatecall',
      'staticcall',
      'eth-transfer+eth',
      'send+eth',
      'external',
      'external',
      'library',
      'library',
      'internal',
      'builtin',
      'builtin',
      'builtin',
      'builtin',
      'builtin',
      'external',
      'event',
    ]);
  });

  it('exposes the target, value and resolved definition', () => {
    assert.equal((infos[0].target as { name: string }).name, 'to');
    assert.equal((infos[0].value as { number: string }).number, '1');
    assert.equal(infos[8].resolved?.node.name, 'safeSend');
    assert.equal((infos[8].boundReceiver as { name: string }).name, 'to');
    assert.equal(infos[10].resolved?.owner.name, 'C');
    assert.equal(infos[7].receiverContract?.name, 'IERC20');
  });

  it('resolves super calls to the next base in the linearization', () => {
    const hook = functionOf(loadProject({ 'C.sol': SOURCE }), 'C', '_hook');
    const superCall = findAll(hook.fn.body!, (n): n is FunctionCall => n.type === 'FunctionCall')[0];
    const info = classifyCall(superCall, hook.scope);
    assert.equal(info.kind, 'internal');
    assert.equal(info.resolved?.owner.name, 'Base');
  });

  it('reads the pre-0.7 .value(x) option', () => {
    const old = functionOf(loadProject({ 'O.sol': 'pragma solidity ^0.5.0; contract O { function g(address a) public { a.call.value(5)(""); } }' }), 'O', 'g');
    const outer = findAll(old.fn.body!, (n): n is FunctionCall => n.type === 'FunctionCall')[0];
    const info = classifyCall(outer, old.scope);
    assert.equal(info.kind, 'low-level-call');
    assert.equal(info.sendsEth, true);
    assert.equal((info.value as { number: string }).number, '5');
  });
});

describe('analysis/calls classifyCall edge cases', () => {
  const source = `
    interface IERC20 { function transfer(address to, uint256 v) external returns (bool); }
    library SafeERC20 { function safeTransfer(IERC20 t, address to, uint256 v) internal { t.transfer(to, v); } }
    type Delay is uint112;
    contract K {
      using SafeERC20 for IERC20;
      IERC20 token;
      function f(address to) external {
        token.safeTransfer(to, 1);
        Delay.unwrap(Delay.wrap(5));
        to.transfer(2);
      }
    }`;
  const { fn, scope } = functionOf(loadProject({ 'K.sol': source }), 'K', 'f');
  const kinds = findAll(fn.body!, (n): n is FunctionCall => n.type === 'FunctionCall').map((c) => `${c.expression.type === 'MemberAccess' ? c.expression.memberName : '?'}:${classifyCall(c, scope).kind}`);

  it('prefers a using-for library function the interface does not declare', () => assert.ok(kinds.includes('safeTransfer:library')));
  it('treats user-defined value type wrap/unwrap as builtins', () => assert.ok(kinds.includes('unwrap:builtin') && kinds.includes('wrap:builtin')));
  it('treats one-argument transfer on an address as an ETH transfer', () => assert.ok(kinds.includes('transfer:eth-transfer')));
});
