// SPDX-License-Identifier: MIT
// 0.8.28-0.8.33 with via-IR can clear the wrong slot when a contract deletes transient and persistent state.
pragma solidity ^0.8.28; // expect: floating-pragma, outdated-compiler

contract TransientLock {
    bool transient locked;
    uint256 public pending;

    function run() external {
        require(!locked, "reentered");
        locked = true;
        delete pending;
        delete locked;
    }
}
