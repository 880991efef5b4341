// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Reachable-scope case for erc4626-inflation: `convertToShares` is silent only because `seed`, which it never
// calls, mints dead shares (`MINIMUM_LIQUIDITY`). Emptying `seed` brings the finding in `convertToShares` back,
// so that finding depends on the body of a function it does not reach. It is reported at all only because
// `deposit` calls it, another body it does not reach.

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
}

uint256 constant MINIMUM_LIQUIDITY = 1000;

contract SeededVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    function seed() external {
        require(totalSupply == 0, "seeded");
        totalSupply = MINIMUM_LIQUIDITY;
    }

    function deposit(uint256 assets) external {
        totalSupply += convertToShares(assets);
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return (assets * totalSupply) / asset.balanceOf(address(this));
    }
}
