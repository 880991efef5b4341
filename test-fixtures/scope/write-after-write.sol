// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for write-after-write: the message names the line of the first assignment, so it depends on the
// position of the code, and emptying a multi-line body in an unrelated contract above must change it.

contract Counter {
    uint256 public count;

    function bump() external {
        count += 1;
        count += 1;
    }
}

contract FeeSettings {
    uint256 public buyFee;
    uint256 public sellFee;

    function setFees(uint256 newBuyFee, uint256 newSellFee) external {
        buyFee = newBuyFee;
        buyFee = newSellFee; // expect: write-after-write
    }
}
