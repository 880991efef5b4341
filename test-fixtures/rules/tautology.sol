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

    // Medium: inside `unchecked` the subtraction wraps, so the missing `balance >= amount` check matters.
    function withdrawUnchecked(uint256 amount) external {
        uint256 balance = balances[msg.sender];
        unchecked {
            uint256 left = balance - amount; // expect: unchecked-arithmetic
            require(left >= 0, "overdraft"); // expect: tautology
            balances[msg.sender] = left;
        }
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

// Look-alikes: the vacuous half of a range check whose other half is the real bound, and a countdown loop whose
// body leaves at zero (the condition is a `while (true)` written out).
contract TautologyRangeLookAlikes {
    uint64 public tier2Requests = 1000;
    uint32 public tier1Fee = 50;
    uint32 public tier2Fee = 25;

    function setTiers(uint64 requests, uint32 fee1, uint32 fee2) external {
        tier2Requests = requests;
        tier1Fee = fee1;
        tier2Fee = fee2;
    }

    function feeTier(uint64 requestCount) external view returns (uint32) {
        if (0 <= requestCount && requestCount <= tier2Requests) return tier1Fee;
        return tier2Fee;
    }

    function lastMatchingHour(uint8 hour, uint256 mask) external pure returns (uint8) {
        for (; hour >= 0; hour--) {
            if ((mask >> hour) & 1 == 1) return hour;
            if (hour == 0) break;
        }
        return type(uint8).max;
    }
}
