// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for centralization-risk: the caller check of `setPaused` is the body of the base's modifier
// `onlyOwner`, so the finding on `PausableVault` depends on a body in another contract (emptying the modifier
// leaves `setPaused` unrestricted, and the finding goes).

contract Owned {
    address public immutable owner = msg.sender;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }
}

contract PausableVault is Owned { // expect: centralization-risk
    bool public paused;

    function setPaused(bool value) external onlyOwner {
        paused = value;
    }
}
