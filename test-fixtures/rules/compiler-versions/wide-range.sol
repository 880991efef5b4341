// SPDX-License-Identifier: MIT
// A range reaching back below 0.8.0 admits compilers without overflow checks.
pragma solidity >=0.6.0 <0.9.0; // expect: floating-pragma, outdated-compiler

contract WideRange {
    uint256 public count;

    function mark() external {
        count = block.number;
    }
}
