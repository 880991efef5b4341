// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// A concrete contract: what gets deployed should be built by one known compiler.
contract Deployable {
    uint256 public value;

    function set(uint256 v) external {
        value = v;
    }
}
