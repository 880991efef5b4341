// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IUniswapV2Router {
    function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] calldata path, address to, uint256 deadline) external returns (uint256[] memory);
    function swapExactETHForTokens(uint256 amountOutMin, address[] calldata path, address to, uint256 deadline) external payable returns (uint256[] memory);
    function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, address[] calldata path, address to, uint256 deadline) external returns (uint256[] memory);
}

interface ISwapRouter {
    struct ExactInputSingleParams {
        address tokenIn;
        address tokenOut;
        uint24 fee;
        address recipient;
        uint256 deadline;
        uint256 amountIn;
        uint256 amountOutMinimum;
        uint160 sqrtPriceLimitX96;
    }

    function exactInputSingle(ExactInputSingleParams calldata params) external payable;
}

contract Harvester {
    IUniswapV2Router public immutable router;
    ISwapRouter public immutable routerV3;

    constructor(IUniswapV2Router router_, ISwapRouter routerV3_) {
        router = router_;
        routerV3 = routerV3_;
    }

    function harvest(uint256 amount, address[] calldata path, uint256 deadline) external {
        router.swapExactTokensForTokens(amount, 0, path, address(this), deadline); // expect: missing-slippage
    }

    function harvestLocal(uint256 amount, address[] calldata path, uint256 deadline) external {
        uint256 minOut = 0;
        router.swapExactTokensForTokens(amount, minOut, path, address(this), deadline); // expect: missing-slippage
    }

    function buyExact(uint256 out, address[] calldata path, uint256 deadline) external {
        router.swapTokensForExactTokens(out, type(uint256).max, path, address(this), deadline); // expect: missing-slippage
    }

    function harvestV3(address tokenIn, address tokenOut, uint256 amount, uint256 deadline) external {
        routerV3.exactInputSingle( // expect: missing-slippage
            ISwapRouter.ExactInputSingleParams({
                tokenIn: tokenIn,
                tokenOut: tokenOut,
                fee: 3000,
                recipient: address(this),
                deadline: deadline,
                amountIn: amount,
                amountOutMinimum: 0,
                sqrtPriceLimitX96: 0
            })
        );
    }
}

contract SlippageLookAlikes {
    IUniswapV2Router public immutable router;
    ISwapRouter public immutable routerV3;

    constructor(IUniswapV2Router router_, ISwapRouter routerV3_) {
        router = router_;
        routerV3 = routerV3_;
    }

    // The caller passes the minimum.
    function swap(uint256 amount, uint256 minOut, address[] calldata path, uint256 deadline) external {
        router.swapExactTokensForTokens(amount, minOut, path, msg.sender, deadline);
    }

    // A zero price limit is not a zero minimum.
    function swapV3(address tokenIn, address tokenOut, uint256 amount, uint256 minOut, uint256 deadline) external {
        routerV3.exactInputSingle(
            ISwapRouter.ExactInputSingleParams({
                tokenIn: tokenIn,
                tokenOut: tokenOut,
                fee: 3000,
                recipient: msg.sender,
                deadline: deadline,
                amountIn: amount,
                amountOutMinimum: minOut,
                sqrtPriceLimitX96: 0
            })
        );
    }
}
