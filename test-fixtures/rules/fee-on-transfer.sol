// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

library SafeERC20 {
    function safeTransferFrom(IERC20 token, address from, address to, uint256 amount) internal {
        require(token.transferFrom(from, to, amount), "transferFrom failed");
    }
}

contract Vault {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    mapping(address => uint256) public balances;
    uint256 public totalDeposits;

    event Deposited(address indexed user, uint256 amount);

    constructor(IERC20 token_) {
        token = token_;
    }

    function deposit(uint256 amount) external {
        token.safeTransferFrom(msg.sender, address(this), amount); // expect: fee-on-transfer
        balances[msg.sender] += amount;
    }

    function depositFor(address user, uint256 amount) external {
        require(token.transferFrom(msg.sender, address(this), amount), "failed"); // expect: fee-on-transfer
        totalDeposits = totalDeposits + amount;
        balances[user] += 1;
        emit Deposited(user, amount);
    }

    function depositLibrary(uint256 amount) external {
        SafeERC20.safeTransferFrom(token, msg.sender, address(this), amount); // expect: fee-on-transfer
        balances[msg.sender] += amount;
    }

    // Safe: credits the measured balance difference.
    function depositMeasured(uint256 amount) external {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        balances[msg.sender] += received;
    }

    // Safe: tokens go to another address, nothing is credited here.
    function pay(address to, uint256 amount) external {
        token.safeTransferFrom(msg.sender, to, amount);
        balances[to] += amount;
    }

    // Safe: the amount is not credited to storage.
    function donate(uint256 amount) external {
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    function withdraw(uint256 amount) external {
        balances[msg.sender] -= amount;
        require(token.transfer(msg.sender, amount), "failed");
    }
}

contract WrappedToken {
    IERC20 public immutable underlying;
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;

    constructor(IERC20 underlying_) {
        underlying = underlying_;
    }

    function wrap(uint256 value) external {
        require(underlying.transferFrom(msg.sender, address(this), value), "failed"); // expect: fee-on-transfer
        _mint(msg.sender, value);
    }

    function _mint(address to, uint256 value) internal {
        totalSupply += value;
        balanceOf[to] += value;
    }
}

interface IERC721 {
    function transferFrom(address from, address to, uint256 tokenId) external;
    function ownerOf(uint256 tokenId) external view returns (address);
}

contract NftVault {
    IERC721 public immutable nft;
    mapping(uint256 => address) public depositor;
    uint256 public lastDeposited;

    constructor(IERC721 nft_) {
        nft = nft_;
    }

    // Safe: an NFT transfer moves a token id; no fee can shrink it.
    function deposit(uint256 tokenId) external {
        nft.transferFrom(msg.sender, address(this), tokenId);
        depositor[tokenId] = msg.sender;
        lastDeposited = tokenId;
    }
}

// Any token the caller names: the Medium case (the vault above holds one asset fixed at deployment: Low).
contract MultiTokenVault {
    mapping(address => mapping(address => uint256)) public balances;

    function deposit(IERC20 asset, uint256 amount) external {
        require(asset.transferFrom(msg.sender, address(this), amount), "failed"); // expect: fee-on-transfer, unsafe-erc20-transfer
        balances[address(asset)][msg.sender] += amount;
    }
}
