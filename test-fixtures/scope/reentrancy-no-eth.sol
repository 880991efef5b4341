// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for reentrancy-no-eth: `claim` reads `credit` only inside the internal helper `_creditOf`, so the
// finding in `claim` depends on that helper's body (emptying it removes the read before the call).

interface IHook {
    function ping(uint256 amount) external;
}

contract Ledger {
    mapping(address => uint256) internal credit;

    function claim(address hook) external {
        uint256 amount = _creditOf(msg.sender);
        IHook(hook).ping(amount); // expect: reentrancy-no-eth
        credit[msg.sender] = 0;
    }

    function _creditOf(address who) internal view returns (uint256) {
        return credit[who];
    }
}
