// SPDX-License-Identifier: MIT
pragma solidity ^0.7.6; // expect: floating-pragma, outdated-compiler

// Scope case for integer-overflow: a contract counts as using SafeMath when any of its functions calls
// `.add(...)`, so the verdict on `bump` depends on the body of `bumpChecked`: with it, `total + amount` is a raw
// operation on caller input beside SafeMath (Medium, low confidence); emptying it removes the only SafeMath-style
// call, and the same line is reported High.

library CheckedMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "overflow");
        return c;
    }
}

contract Counter {
    uint256 public total;

    function bump(uint256 amount) external {
        total = total + amount; // expect: integer-overflow
    }

    function bumpChecked(uint256 amount) external {
        total = CheckedMath.add(total, amount);
    }
}
