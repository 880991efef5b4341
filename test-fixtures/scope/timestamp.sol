// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for timestamp: equality with `lastAccrual` is a same-block check only because `accrue` stores
// `block.timestamp` there, so emptying `accrue` must change the finding in `accruedThisBlock`.

contract Accruer {
    uint256 public lastAccrual;

    function accrue() external {
        lastAccrual = block.timestamp;
    }

    function accruedThisBlock() external view returns (bool) {
        return lastAccrual == block.timestamp;
    }
}
