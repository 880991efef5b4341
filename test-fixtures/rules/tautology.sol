// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Tautology {
    mapping(address => uint256) public balances;
    uint8 public level;
    int8 public delta;

    function withdraw(uint256 amount) external {
        uint256 balance = balances[msg.sender];
        require(balance >= 0, "overdraft"); // expect: tautology
        require(0 <= amount, "negative"); // expect: tautology
        if (amount < 0) revert(); // expect: tautology
        balances[msg.sender] = balance - amount;
    }

    function bounds(uint8 small, int8 signed) external view returns (bool) {
        if (small > 255) return false; // expect: tautology
        if (level <= 0xff) return true; // expect: tautology
        if (signed < -128) return false; // expect: tautology
        return delta != 300; // expect: tautology
    }
}

contract TautologyLookAlikes {
    mapping(address => uint256) public balances;
    int256 public pnl;

    function withdraw(uint256 amount, uint8 small, int8 signed) external view returns (bool) {
        require(balances[msg.sender] >= amount, "overdraft");
        require(amount > 0, "zero");
        require(pnl >= 0, "loss");
        if (small > 254 || small == 255 || signed < -127 || signed >= 0) return true;
        if (amount != 0 && 1 < 2) return false;
        return small <= type(uint8).max;
    }
}
