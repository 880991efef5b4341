// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract FeeVault {
    address public owner; // expect: immutable-states
    uint256 public feeBps;
    uint256 public cap;
    uint256 public deposits;

    event CapChanged(uint256 cap);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function setFee(uint256 newFee) external onlyOwner {
        feeBps = newFee; // expect: missing-events-arithmetic
    }

    function setCap(uint256 newCap) external onlyOwner {
        cap = newCap;
        emit CapChanged(newCap);
    }

    function deposit(uint256 amount) external {
        require(deposits + amount <= cap, "cap");
        deposits += amount - amount * feeBps / 10_000;
    }

    function sweep(uint256 amount) external onlyOwner {
        deposits -= amount;
    }
}
