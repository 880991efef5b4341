// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function approve(address spender, uint256 amount) external returns (bool);
}

interface IUSDT {
    function transfer(address to, uint256 amount) external;
}

library SafeERC20 {
    function safeTransfer(IERC20 token, address to, uint256 amount) internal {
        require(token.transfer(to, amount), "transfer failed");
    }
}

contract Vault {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    IUSDT public immutable usdt;
    mapping(address => uint256) public shares;

    constructor(IERC20 token_, IUSDT usdt_) {
        token = token_;
        usdt = usdt_;
    }

    function deposit(uint256 amount) external {
        token.transferFrom(msg.sender, address(this), amount); // expect: unchecked-transfer, fee-on-transfer
        shares[msg.sender] += amount;
    }

    function withdraw(uint256 amount) external {
        shares[msg.sender] -= amount;
        token.transfer(msg.sender, amount); // expect: unchecked-transfer
    }

    function allow(address spender, uint256 amount) external {
        bool ok = token.approve(spender, amount); // expect: unchecked-transfer, unsafe-erc20-approve
        shares[spender] = amount;
    }

    // Look-alikes: checked, SafeERC20, a no-return interface, and ETH transfers.
    function checkedWithdraw(uint256 amount) external {
        shares[msg.sender] -= amount;
        require(token.transfer(msg.sender, amount), "failed");
    }

    function checkedDeposit(uint256 amount) external {
        bool ok = token.transferFrom(msg.sender, address(this), amount); // expect: fee-on-transfer
        require(ok, "failed");
        shares[msg.sender] += amount;
    }

    function safe(uint256 amount) external {
        token.safeTransfer(msg.sender, amount);
    }

    function tether(uint256 amount) external {
        usdt.transfer(msg.sender, amount);
    }
}
