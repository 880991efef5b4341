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

// Look-alikes: a zero check whose zero side stops the call (a donation only lets it go on), and before/after
// comparisons of one balance inside one call (nobody can donate between the two reads).
contract BalanceDeltaChecks {
    IERC20 public feeToken;
    address payable public immutable vault;
    uint256 public pendingRefund;
    event RefundDenied(address refundee);

    constructor(address payable vault_) {
        vault = vault_;
    }

    function suppliedFee() external view returns (uint256 supplied) {
        supplied = feeToken.balanceOf(address(this)); // expect: uninitialized-state
        if (supplied == 0) revert("no fee");
    }

    function refund(address refundee, uint256 amount) external returns (bool) {
        uint256 ownBalance = address(this).balance;
        if (ownBalance == 0) {
            emit RefundDenied(refundee);
            return false;
        }
        require(address(this).balance != 0, "empty");
        pendingRefund = amount > ownBalance ? ownBalance : amount;
        return true;
    }

    function transferExact(address to, uint256 amount) external returns (bool) {
        uint256 before = feeToken.balanceOf(to); // expect: uninitialized-state
        (bool ok, ) = address(feeToken).call(abi.encodeWithSignature("transfer(address,uint256)", to, amount));
        return ok && feeToken.balanceOf(to) == before + amount;
    }

    function sendOrKeep(uint256 amount) external returns (bool delivered) {
        uint256 selfBalanceBefore = address(this).balance;
        (bool ok, ) = vault.call{value: amount}("");
        delivered = ok && address(this).balance != selfBalanceBefore;
    }

    // Still reported: the call can only go on while the balance is exactly zero.
    function close() external view {
        if (address(this).balance != 0) revert("not empty"); // expect: incorrect-equality
    }
}
