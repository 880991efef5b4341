// Per-finding severity of the token and signature rules on their fixtures: the fixture runner checks that a
// line fires, this checks how loud it is (a token fixed at deployment, a dropped id, a configured signer set).

import * as assert from 'node:assert/strict';
import { severityAt } from './support/fixtureProject';

describe('token and signature severities', () => {
  it('unchecked-transfer: High for a token the caller picks, Low for one fixed at deployment or an approve', () => {
    assert.equal(severityAt('unchecked-transfer.sol', 'unchecked-transfer', 'IERC20(token).transfer(owner, amount)'), 'high');
    assert.equal(severityAt('unchecked-transfer.sol', 'unchecked-transfer', 'link.transfer(payee, amount)'), 'low');
    assert.equal(severityAt('unchecked-transfer.sol', 'unchecked-transfer', 'link.transferAndCall(coordinator'), 'low');
    assert.equal(severityAt('unchecked-transfer.sol', 'unchecked-transfer', 'IERC20(rewardToken).transfer(to, amount)'), 'low');
    assert.equal(severityAt('unchecked-transfer.sol', 'unchecked-transfer', 'bool ok = token.approve(spender, amount)'), 'low');
  });

  it('fee-on-transfer: Medium for a token the caller names, Low for one asset fixed at deployment', () => {
    assert.equal(severityAt('fee-on-transfer.sol', 'fee-on-transfer', 'require(asset.transferFrom(msg.sender'), 'medium');
    assert.equal(severityAt('fee-on-transfer.sol', 'fee-on-transfer', 'SafeERC20.safeTransferFrom(token, msg.sender'), 'low');
  });

  it('unused-return: Medium only where anyone can call and the function books or pays', () => {
    assert.equal(severityAt('unused-return.sol', 'unused-return', 'inbox.settle(owed)'), 'medium');
    assert.equal(severityAt('unused-return.sol', 'unused-return', 'inbox.settle(amount)'), 'low');
  });

  it('signature-replay: a missing nonce is High, a missing chain id Medium, a missing contract address Low', () => {
    assert.equal(severityAt('signature-replay.sol', 'signature-replay', 'keccak256("EIP712Domain(string name,string version)")'), 'high');
    assert.equal(severityAt('signature-replay.sol', 'signature-replay', 'version,uint256 chainId)")'), 'medium');
    assert.equal(severityAt('signature-replay.sol', 'signature-replay', '== quoteSigner'), 'low');
  });

  it('eip712-missing-chainid: no chain id is Medium, a separator cached at deployment (fork-only replay) Low', () => {
    assert.equal(severityAt('eip712-missing-chainid.sol', 'eip712-missing-chainid', 'keccak256("1"), 1, address(this))'), 'medium');
    assert.equal(severityAt('eip712-missing-chainid.sol', 'eip712-missing-chainid', 'DOMAIN_SEPARATOR = keccak256( // expect'), 'low');
  });

  it('ecrecover-zero-check: Medium against a caller-chosen signer, Low against a configured signer set', () => {
    assert.equal(severityAt('ecrecover-zero-check.sol', 'ecrecover-zero-check', 'address recovered = ecrecover(digest, v, r, s); // expect: ecrecover-zero-check'), 'medium');
    assert.equal(severityAt('ecrecover-zero-check.sol', 'ecrecover-zero-check', 'address recovered = ecrecover(h, v, r, s)'), 'low');
  });
});
