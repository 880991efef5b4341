// Per-finding severity of the arithmetic rules on their fixtures: the fixture runner checks that a line fires,
// this checks how loud it is (who picks the value, whether it reaches accounting, whether arithmetic can wrap).

import * as assert from 'node:assert/strict';
import { severityAt } from './support/fixtureProject';

describe('arithmetic severities', () => {
  it('unsafe-downcast: Medium for an outsider\'s value booked in state, Low for a checked caller\'s', () => {
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'stakes[msg.sender] = uint96(amount); // expect'), 'medium');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'feeCap = uint96(cap); // expect'), 'low');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'subscriptionBalance[funded] += uint96(amount)'), 'low');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'subscriptionBalance[subscriptionId] += uint96(amount)'), 'medium');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'subscriptionBalance[subscriptionId] += uint96(deposited)'), 'medium');
  });

  it('unsafe-downcast: computed values and sign changes are Medium when the caller\'s input reaches them, Low from state alone', () => {
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'uint128(PositionMath.mulDiv(added, 1e18, price)); // expect'), 'medium');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'uint96(_rewardFor(sizeDelta)); // expect'), 'medium');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'uint96(rewardPerSize * totalSize); // expect'), 'low');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'realizedPnl[msg.sender] -= int256(loss); // expect'), 'medium');
    assert.equal(severityAt('unsafe-downcast.sol', 'unsafe-downcast', 'withdrawable[msg.sender] += uint256(pnl); // expect'), 'medium');
  });

  it('unchecked-arithmetic: Medium for an outsider\'s input, Low for the fee manager\'s', () => {
    assert.equal(severityAt('unchecked-arithmetic.sol', 'unchecked-arithmetic', 'shares[msg.sender] -= amount;'), 'medium');
    assert.equal(severityAt('unchecked-arithmetic.sol', 'unchecked-arithmetic', 'total += amounts[i];'), 'low');
    assert.equal(severityAt('unchecked-arithmetic.sol', 'unchecked-arithmetic', 'uint256(uint160(owner)) + tokenId'), 'low');
    assert.equal(severityAt('unchecked-arithmetic.sol', 'unchecked-arithmetic', 'shares[owner] -= amount;'), 'medium');
  });

  it('divide-before-multiply: Medium where the result is booked, Low in a getter and in library math', () => {
    assert.equal(severityAt('divide-before-multiply.sol', 'divide-before-multiply', 'collected[msg.sender] += (amount / PRECISION) * feeRate;'), 'medium');
    assert.equal(severityAt('divide-before-multiply.sol', 'divide-before-multiply', 'return (amount / PRECISION) * feeRate;'), 'low');
    assert.equal(severityAt('divide-before-multiply.sol', 'divide-before-multiply', 'return (amount / 10000) * rate;'), 'low');
    assert.equal(severityAt('divide-before-multiply.sol', 'divide-before-multiply', 'uint256 payout = rewardPerToken * stakeOf[msg.sender];'), 'medium');
  });

  it('tautology: Low under checked arithmetic, Medium where a compiler before 0.8 can build it', () => {
    assert.equal(severityAt('tautology.sol', 'tautology', 'require(balance >= 0, "overdraft");'), 'low');
    assert.equal(severityAt('tautology.sol', 'tautology', 'require(left >= 0, "overdraft");'), 'medium');
  });

  it('integer-overflow: High where state is booked, Low in a getter', () => {
    assert.equal(severityAt('integer-overflow.sol', 'integer-overflow', 'uint256 amount = receivers.length * value;'), 'high');
    assert.equal(severityAt('integer-overflow.sol', 'integer-overflow', 'return nextPoolNonce * factor;'), 'low');
    assert.equal(severityAt('integer-overflow.sol', 'integer-overflow', 'uint256 total = receivers.length * value;'), 'medium');
  });
});
