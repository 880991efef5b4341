// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract WriteAfterWrite {
    uint256 public buyFee;
    uint256 public sellFee;
    address public treasury;

    function setFees(uint256 newBuyFee, uint256 newSellFee) external {
        buyFee = newBuyFee;
        buyFee = newSellFee; // expect: write-after-write
    }

    function quote(uint256 amount) external pure returns (uint256 out) {
        uint256 fee;
        fee = amount / 100;
        uint256 rebate = amount / 1000;
        fee = amount / 50; // expect: write-after-write
        out = amount - fee - rebate;
    }
}

contract WriteAfterWriteLookAlikes {
    uint256 public buyFee;
    uint256 public total;
    event Fee(uint256 fee);

    function helper() internal view returns (uint256) {
        return buyFee * 2;
    }

    function setFee(uint256 fee) external {
        buyFee = fee;
        total = helper();
        buyFee = fee + 1;
    }

    function accumulate(uint256 a, uint256 b) external pure returns (uint256 x) {
        x = a;
        x = x + b;
        uint256 y = a;
        if (b > a) y = b;
        y = 0;
        x = x + y;
    }

    modifier locking() {
        total = 1;
        _;
        total = 0;
    }

    function logged(uint256 fee) external locking {
        buyFee = fee;
        emit Fee(buyFee);
        buyFee = fee * 2;
    }
}
