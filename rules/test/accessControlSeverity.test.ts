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
