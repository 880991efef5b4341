// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract NaiveVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    function totalAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function deposit(uint256 assets) external returns (uint256 shares) {
        shares = totalSupply == 0 ? assets : (assets * totalSupply) / totalAssets(); // expect: erc4626-inflation
        require(asset.transferFrom(msg.sender, address(this), assets), "transfer");
        totalSupply += shares;
        balanceOf[msg.sender] += shares;
    }

    function previewMint(uint256 shares) external view returns (uint256) {
        uint256 held = asset.balanceOf(address(this));
        return (shares * held) / totalSupply;
    }

    function previewDeposit(uint256 assets) external view returns (uint256) {
        uint256 held = asset.balanceOf(address(this));
        return (assets * totalSupply) / held; // expect: erc4626-inflation
    }
}

contract TrackedVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;
    uint256 public totalManaged;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    // Assets tracked in storage cannot be inflated by a donation.
    function convertToShares(uint256 assets) external view returns (uint256) {
        return totalSupply == 0 ? assets : (assets * totalSupply) / totalManaged;
    }

    // Virtual offsets, OpenZeppelin style.
    function virtualShares(uint256 assets) external view returns (uint256) {
        return (assets * (totalSupply + 1)) / (asset.balanceOf(address(this)) + 1);
    }
}

contract DeadSharesVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;
    uint256 public constant MINIMUM_LIQUIDITY = 1000;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    // Dead shares minted on the first deposit make the donation unprofitable.
    function convertToShares(uint256 assets) external view returns (uint256) {
        if (totalSupply == 0) return assets - MINIMUM_LIQUIDITY;
        return (assets * totalSupply) / asset.balanceOf(address(this));
    }
}
