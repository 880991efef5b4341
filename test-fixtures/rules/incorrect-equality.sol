// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
}

contract Crowdfund {
    uint256 public goal;
    IERC20 public token;
    uint256 public expected;

    function finalize() external view returns (bool) {
        return address(this).balance == goal; // expect: incorrect-equality
    }

    function empty() external view {
        require(address(this).balance == 0, "not empty"); // expect: incorrect-equality
    }

    function tokensArrived() external view returns (bool) {
        return token.balanceOf(address(this)) != expected; // expect: incorrect-equality
    }

    function viaLocal() external view returns (bool) {
        uint256 held = address(this).balance;
        return held == goal; // expect: incorrect-equality
    }

    function userHolds(address user, uint256 amount) external view returns (bool) {
        return token.balanceOf(user) == amount; // expect: incorrect-equality
    }

    function ethOf(address payable user) external view returns (bool) {
        return user.balance == goal; // expect: incorrect-equality
    }
}

contract IncorrectEqualityLookAlikes {
    struct Account {
        uint256 balance;
    }

    mapping(address => Account) public accounts;
    IERC20 public token;
    uint256 public goal;
    uint256 public deposited;

    // Inequalities tolerate a donation for this rule; forced-ether-balance still reports the stored threshold.
    function reached() external view returns (bool) {
        return address(this).balance >= goal; // expect: forced-ether-balance
    }

    // A user holding nothing is a fine strict check.
    function holdsNothing(address user) external view returns (bool) {
        return token.balanceOf(user) == 0;
    }

    // A struct field named balance is internal accounting, not an ETH balance.
    function accountEmpty(address user) external view returns (bool) {
        return accounts[user].balance == 0;
    }

    // Tracked deposits cannot be changed from outside.
    function exact() external view returns (bool) {
        return deposited == goal;
    }

    // A derived quantity is not the balance itself.
    function remainingZero() external view returns (bool) {
        uint256 remaining = goal - address(this).balance;
        return remaining == 0;
    }
}
