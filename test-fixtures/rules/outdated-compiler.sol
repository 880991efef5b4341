// SPDX-License-Identifier: MIT
pragma solidity 0.4.24; // expect: outdated-compiler

// Pinned, but to a compiler without overflow checks and with known bugs (ExpExponentCleanup).
contract Legacy {
    uint256 public total;

    function set(uint256 v) public {
        total = v;
    }
}
