// executionEvents: order (right-hand side before write), modifier inlining around `_`, internal and library
// calls followed with their via-chain, storage pointers, and branch exclusivity.

import * as assert from 'node:assert/strict';
import { areExclusive, callTarget, executionEvents, mayHappenAfter, traceOutward, type ExecutionEvent } from '../../src/analysis/effects';
import { functionOf, loadProject } from './analysisProject';

const SOURCE = `
pragma solidity ^0.8.0;
library L { function send(address to, uint256 v) internal { (bool ok, ) = to.call{value: v}(""); require(ok); } }
contract Guarded {
  uint256 private locked;
  modifier lock() { require(locked == 0); locked = 1; _; locked = 0; }
}
contract V is Guarded {
  struct Info { uint256 amount; }
  mapping(address => uint256) balances;
  mapping(address => Info) infos;
  event Sent(address to);
  function withdraw(uint256 amount) external lock {
    balances[msg.sender] = _debit(amount);
    L.send(msg.sender, amount);
    emit Sent(msg.sender);
  }
  function _debit(uint256 amount) internal view returns (uint256) { return balances[msg.sender] - amount; }
  function branches(bool c) external {
    Info storage info = infos[msg.sender];
    if (c) { payable(msg.sender).transfer(1); } else { info.amount = 0; }
  }
  function early(bool c) external {
    if (c) { payable(msg.sender).transfer(1); return; }
    balances[msg.sender] = 0;
  }
}`;

function describeEvent(e: ExecutionEvent): string {
  const what = e.kind === 'external-call' ? (e.sendsEth ? 'call+eth' : 'call') : e.kind === 'emit' ? 'emit' : `${e.kind === 'state-write' ? 'write' : 'read'} ${e.variable?.name}`;
  return e.via.length ? `${what} via ${e.via.map((v) => v.callee.name).join('>')}` : what;
}

describe('analysis/effects executionEvents', () => {
  const project = loadProject({ 'V.sol': SOURCE });

  it('orders modifier code, the body with its internal and library calls, and code after `_`', () => {
    const { fn, contract } = functionOf(project, 'V', 'withdraw');
    const events = executionEvents(fn, contract, project).map(describeEvent);
    assert.deepEqual(events, [
      'read locked via lock',
      'write locked via lock',
      'read balances via _debit',
      'write balances',
      'call+eth via send',
      'emit',
      'write locked via lock',
    ]);
  });

  it('writes through a storage pointer name the aliased state and both arms of an if are exclusive', () => {
    const { fn, contract } = functionOf(project, 'V', 'branches');
    const events = executionEvents(fn, contract, project);
    const call = events.find((e) => e.kind === 'external-call') as ExecutionEvent;
    const write = events.find((e) => e.kind === 'state-write') as ExecutionEvent;
    assert.equal(write.variable?.name, 'infos');
    assert.ok(areExclusive(call, write));
    assert.equal(mayHappenAfter(write, call), false);
  });

  it('code after an if-arm that returns is exclusive with that arm', () => {
    const { fn, contract } = functionOf(project, 'V', 'early');
    const events = executionEvents(fn, contract, project);
    const call = events.find((e) => e.kind === 'external-call') as ExecutionEvent;
    const write = events.find((e) => e.kind === 'state-write') as ExecutionEvent;
    assert.ok(write.order > call.order);
    assert.equal(mayHappenAfter(write, call), false);
  });

  it('stops on recursion', () => {
    const recursive = loadProject({ 'R.sol': 'contract R { uint x; function a() public { x = 1; b(); } function b() internal { a(); } }' });
    const { fn, contract } = functionOf(recursive, 'R', 'a');
    assert.deepEqual(executionEvents(fn, contract, recursive).map(describeEvent), ['write x']);
  });
});

describe('analysis/effects traceOutward', () => {
  const source = `
    library Pay { function send(address to, uint256 v) internal { (bool ok, ) = payable(to).call{value: v}(""); require(ok); } }
    contract P {
      address stored;
      function viaParam(address who) external { _pay(who); }
      function viaState() external { _pay(stored); }
      function _pay(address dest) internal { Pay.send(dest, 1); }
    }`;
  const project = loadProject({ 'P.sol': source });

  it('maps a callee parameter back to the argument in the analysed function', () => {
    const { fn, contract } = functionOf(project, 'P', 'viaParam');
    const call = executionEvents(fn, contract, project).find((e) => e.kind === 'external-call') as ExecutionEvent;
    const traced = traceOutward(call, callTarget(call)!);
    assert.equal(traced.via.length, 0);
    assert.equal((traced.expr as { name: string }).name, 'who');
  });

  it('stops at the root expression when the argument is stored state', () => {
    const { fn, contract } = functionOf(project, 'P', 'viaState');
    const call = executionEvents(fn, contract, project).find((e) => e.kind === 'external-call') as ExecutionEvent;
    assert.equal((traceOutward(call, callTarget(call)!).expr as { name: string }).name, 'stored');
  });
});
