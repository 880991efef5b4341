// SPDX-License-Identifier: MIT
// Before 0.8.21 an immutable is assigned once, at the top level of the constructor, and not read there.
pragma solidity 0.8.20;

contract ImmutableOldCompiler {
    address public owner; // expect: immutable-states
    uint256 public decimals;
    uint256 public doubled; // expect: immutable-states
    uint256 public start;

    constructor(uint256 decimals_) {
        owner = msg.sender;
        if (decimals_ > 18) decimals = 18;
        else decimals = decimals_;
        start = block.number;
        doubled = start * 2;
    }

    function all() external view returns (uint256) {
        return decimals + doubled + start + uint160(owner);
    }
}
