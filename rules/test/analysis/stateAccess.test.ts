// stateWrites / stateReads: every write form (=, op=, ++, delete, push, storage pointer, storage-bound
// library call) names its state variable; locals and constants are not state.

import * as assert from 'node:assert/strict';
import { stateReads, stateWrites } from '../../src/analysis/stateAccess';
import { isMapping, isStorageArray } from '../../src/analysis/scope';
import { functionOf, loadProject } from './analysisProject';

const SOURCE = `
library Set { struct S { uint256[] v; } function add(S storage s, uint256 x) internal { s.v.push(x); } }
contract W {
  using Set for Set.S;
  struct Info { uint256 a; }
  uint256 constant K = 1;
  uint256 total;
  uint256[] list;
  mapping(address => Info) infos;
  Set.S members;
  function f(uint256 x) external {
    uint256 local = x + K;
    total += local;
    list.push(x);
    delete infos[msg.sender];
    Info storage info = infos[msg.sender];
    info.a++;
    members.add(x);
    local = total;
  }
}`;

describe('analysis/stateAccess', () => {
  const { fn, scope } = functionOf(loadProject({ 'W.sol': SOURCE }), 'W', 'f');

  it('names the state variable of each write form', () => {
    assert.deepEqual(
      stateWrites(fn.body!, scope).map((w) => w.variable.name),
      ['total', 'list', 'infos', 'infos', 'members'],
    );
  });

  it('reads exclude plain write targets and constants', () => {
    assert.deepEqual(
      stateReads(fn.body!, scope).map((r) => r.variable.name),
      ['total', 'list', 'infos', 'infos', 'members', 'total'],
    );
  });

  it('answers type questions', () => {
    assert.equal(isMapping(scope.resolve('infos')?.type), true);
    assert.equal(isStorageArray(scope.resolve('list')), true);
    assert.equal(isStorageArray(scope.resolve('local')), false);
  });
});
