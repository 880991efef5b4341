// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract StakingPool {
    IERC20 public immutable token;
    uint256 public totalStaked;
    uint256 public lastBalance;
    uint256 public totalShares;
    mapping(address => uint256) public shares;

    constructor(IERC20 token_) {
        token = token_;
    }

    function sync() external {
        totalStaked = token.balanceOf(address(this)); // expect: rebasing-balance-cache
    }

    function checkpoint() external {
        uint256 balance = token.balanceOf(address(this));
        lastBalance = balance; // expect: rebasing-balance-cache
    }

    function sharesFor(uint256 amount) public view returns (uint256) {
        return totalShares == 0 ? amount : (amount * totalShares) / totalStaked;
    }

    function rewardsSince() external view returns (uint256) {
        return lastBalance;
    }
}

// Safe: reads the live balance where it is needed and keeps a ledger of measured amounts.
contract LiveBalancePool {
    IERC20 public immutable token;
    uint256 public totalDeposited;
    uint256 public peakBalance;

    constructor(IERC20 token_) {
        token = token_;
    }

    function deposit(uint256 amount) external {
        uint256 before = token.balanceOf(address(this));
        require(token.transferFrom(msg.sender, address(this), amount), "failed");
        totalDeposited += token.balanceOf(address(this)) - before;
    }

    function totalAssets() public view returns (uint256) {
        return token.balanceOf(address(this));
    }

    // Safe: the copy is written but no other function reads it.
    function recordPeak() external {
        peakBalance = token.balanceOf(address(this));
    }
}
