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

interface ILinkToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferAndCall(address to, uint256 amount, bytes calldata data) external returns (bool success);
}

// The token is chosen once, at deployment (LINK, WETH): its deployer knows whether it reverts, so a dropped
// boolean is a Low note. A token the caller names stays High.
contract FixedTokenPayouts {
    ILinkToken public immutable link;
    address public immutable owner = msg.sender;
    address public rewardToken;
    bool private initialized;

    constructor(ILinkToken link_) {
        link = link_;
    }

    function initialize(address reward_) external {
        require(!initialized, "initialized");
        require(reward_ != address(0), "zero token");
        initialized = true;
        rewardToken = reward_;
    }

    function withdraw(address payee, uint256 amount) external {
        require(msg.sender == owner, "owner");
        link.transfer(payee, amount); // expect: unchecked-transfer
    }

    function fund(address coordinator, uint256 fee) external {
        link.transferAndCall(coordinator, fee, ""); // expect: unchecked-transfer
    }

    // Storage written only by a run-once initializer is fixed at deployment too.
    function payReward(address to, uint256 amount) external {
        require(msg.sender == owner, "owner");
        IERC20(rewardToken).transfer(to, amount); // expect: unchecked-transfer
    }

    function sweep(address token, uint256 amount) external {
        IERC20(token).transfer(owner, amount); // expect: unchecked-transfer, unsafe-erc20-transfer
    }

    // Resetting an allowance to zero moves nothing.
    function revoke(address spender) external {
        require(msg.sender == owner, "owner");
        IERC20(rewardToken).approve(spender, 0);
    }
}
