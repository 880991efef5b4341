// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case: whether a payout is flagged depends on the bodies of the caller check it calls and of the modifier
// it runs, not only on its own body: emptying `_gate` or `gated` must bring the finding back.
contract ArbitrarySendEthScope {
    address private immutable owner = msg.sender;

    modifier gated() {
        require(msg.sender == owner, "not owner");
        _;
    }

    // Guarded through an internal call: silent while `_gate` checks the caller.
    function payout(address payable to, uint256 amount) external {
        _gate();
        require(to != address(0), "zero");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "send failed");
    }

    // Guarded through a modifier body: silent while `gated` checks the caller.
    function payoutGated(address payable to, uint256 amount) external gated {
        require(to != address(0), "zero");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "send failed");
    }

    // Unguarded: flagged.
    function payoutOpen(address payable to, uint256 amount) external {
        require(to != address(0), "zero");
        (bool ok, ) = to.call{value: amount}(""); // expect: arbitrary-send-eth
        require(ok, "send failed");
    }

    function _gate() internal view {
        require(msg.sender == owner, "not owner");
    }

    receive() external payable {}
}
