// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract TimedSale {
    uint256 public saleStart;
    uint256 public lastCall;
    uint256 public lastAccrual;
    uint256 public deadline;

    function bonus() external view returns (bool) {
        return block.timestamp == saleStart; // expect: timestamp
    }

    function throttled() external {
        require(block.timestamp >= lastCall + 30 seconds, "too soon"); // expect: timestamp
        lastCall = block.timestamp;
    }

    function quickWindow() external view returns (bool) {
        uint256 elapsed = block.timestamp - lastCall;
        return elapsed < 60; // expect: timestamp
    }

    function notYet() external view {
        if (saleStart != block.timestamp) revert("not the moment"); // expect: timestamp
    }

    function minuteWindow() external view returns (bool) {
        return block.timestamp < saleStart + 5 minutes; // expect: timestamp
    }
}

contract TimestampLookAlikes {
    uint256 public deadline;
    uint256 public lastAccrual;
    uint256 public constant DELAY = 2 days;

    // Deadlines against stored or user-given times with no short literal window are fine.
    function expired() external view returns (bool) {
        return block.timestamp > deadline;
    }

    function permitLike(uint256 until) external view {
        require(block.timestamp <= until, "expired");
    }

    function longWindow() external view returns (bool) {
        return block.timestamp >= deadline + 1 days;
    }

    function constantWindow() external view returns (bool) {
        return block.timestamp >= deadline + DELAY;
    }

    // Same-block check: lastAccrual is written from block.timestamp.
    function accrue() external {
        if (lastAccrual == block.timestamp) return;
        lastAccrual = block.timestamp;
    }

    // Unrelated comparisons.
    function small(uint256 a) external pure returns (bool) {
        return a + 30 < 60;
    }
}
