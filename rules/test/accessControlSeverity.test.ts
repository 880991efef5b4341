// Per-finding severity of the access-control rules on their fixtures: the fixture runner checks that a line
// fires, this checks how loud it is (a fallback forwarding only the sender's own ETH to a fixed contract).

import * as assert from 'node:assert/strict';
import { severityAt } from './support/fixtureProject';

describe('access-control severities', () => {
  it("unprotected-receive-fallback: Medium when the contract's own ETH or logic runs, Low when only the sender's ETH goes to a fixed contract", () => {
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', '_compound(); // expect'), 'medium');
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', 'treasury.call{value: msg.value}("")'), 'low');
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', 'weth.deposit{value: msg.value}(); // expect'), 'low');
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', '_wrap(); // expect'), 'low');
  });
});

describe('admin facets', () => {
  it('proxy logic that guards none of its privileged functions is reported at low confidence, so as Medium', () => {
    assert.equal(severityAt('unprotected-upgrade.sol', 'unprotected-critical-function', 'owner = newOwner; // expect'), 'medium');
    assert.equal(severityAt('unprotected-upgrade.sol', 'unprotected-critical-function', 'operator = newOperator; // expect'), 'medium');
    assert.equal(severityAt('unprotected-upgrade.sol', 'unprotected-upgrade', '_authorizeUpgrade(address implementation)'), 'medium');
  });

  it('privileged functions left open beside a guarded one stay High', () => {
    assert.equal(severityAt('unprotected-upgrade.sol', 'unprotected-critical-function', 'admin = newAdmin; // expect'), 'high');
    assert.equal(severityAt('unprotected-upgrade.sol', 'unprotected-upgrade', '_authorizeUpgrade(address newImplementation)'), 'high');
  });
});
