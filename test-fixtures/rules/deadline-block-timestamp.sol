// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IUniswapV2Router {
    function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] calldata path, address to, uint256 deadline) external returns (uint256[] memory);
    function addLiquidity(address tokenA, address tokenB, uint256 amountADesired, uint256 amountBDesired, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline) external;
}

contract Zapper {
    IUniswapV2Router public immutable router;

    constructor(IUniswapV2Router router_) {
        router = router_;
    }

    function swapNow(uint256 amount, uint256 minOut, address[] calldata path) external {
        router.swapExactTokensForTokens(amount, minOut, path, msg.sender, block.timestamp); // expect: deadline-block-timestamp
    }

    function swapSoon(uint256 amount, uint256 minOut, address[] calldata path, uint256 window) external {
        router.swapExactTokensForTokens(amount, minOut, path, msg.sender, block.timestamp + window); // expect: deadline-block-timestamp
    }

    function swapForever(uint256 amount, uint256 minOut, address[] calldata path) external {
        router.swapExactTokensForTokens(amount, minOut, path, msg.sender, type(uint256).max); // expect: deadline-block-timestamp
    }

    function addNow(address a, address b, uint256 amountA, uint256 amountB, uint256 minA, uint256 minB) external {
        uint256 deadline = block.timestamp;
        router.addLiquidity(a, b, amountA, amountB, minA, minB, msg.sender, deadline); // expect: deadline-block-timestamp
    }
}

contract DeadlineLookAlikes {
    IUniswapV2Router public immutable router;

    constructor(IUniswapV2Router router_) {
        router = router_;
    }

    // The user's own deadline passes through.
    function swap(uint256 amount, uint256 minOut, address[] calldata path, uint256 deadline) external {
        require(block.timestamp <= deadline, "expired");
        router.swapExactTokensForTokens(amount, minOut, path, msg.sender, deadline);
    }
}
