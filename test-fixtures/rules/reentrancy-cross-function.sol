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
