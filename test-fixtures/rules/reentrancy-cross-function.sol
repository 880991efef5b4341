// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract SharedBalances {
    mapping(address => uint256) public balances;
    uint256 public totalPaid;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    // The callee can call transfer() while `balances` still holds the paid-out amount.
    function withdrawAll(uint256 amount) external {
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-cross-function
        require(ok, "failed");
        balances[msg.sender] = 0;
    }

    function transfer(address to, uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        balances[msg.sender] -= amount;
        balances[to] += amount;
    }

    // Written after the call, but no other public function reads it.
    function payTip(uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        balances[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
        totalPaid += amount;
    }
}

// Look-alikes: the functions that read the stale state cannot be entered by the callee.
contract PayoutQueue {
    mapping(address => uint256) public pending;
    address public immutable operator;
    uint256 public lastPaid;

    constructor() {
        operator = msg.sender;
    }

    modifier onlyOperator() {
        require(msg.sender == operator, "not operator");
        _;
    }

    function fund() external payable {
        pending[msg.sender] += msg.value;
    }

    function payOut(uint256 amount) external {
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
        lastPaid = amount;
    }

    // Reads `lastPaid`, but only the operator can call it.
    function rebate() external onlyOperator {
        pending[operator] += lastPaid;
    }

    // A view reads `lastPaid` too, and cannot write.
    function lastPayout() external view returns (uint256) {
        return lastPaid;
    }
}
