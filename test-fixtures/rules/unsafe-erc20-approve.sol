// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function approve(address spender, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

interface IUSDT {
    function approve(address spender, uint256 amount) external;
}

interface IRouter {
    function swap(address tokenIn, uint256 amountIn) external returns (uint256);
}

library SafeERC20 {
    function forceApprove(IERC20 token, address spender, uint256 amount) internal {
        (bool ok, bytes memory data) = address(token).call(abi.encodeCall(IERC20.approve, (spender, amount)));
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "approve failed");
    }
}

contract Zap {
    using SafeERC20 for IERC20;

    IRouter public immutable router;

    constructor(IRouter router_) {
        router = router_;
    }

    function zap(IERC20 tokenIn, uint256 amount) external returns (uint256) {
        require(tokenIn.transferFrom(msg.sender, address(this), amount), "pull failed"); // expect: unsafe-erc20-transfer
        require(tokenIn.approve(address(router), amount), "approve failed"); // expect: unsafe-erc20-approve
        return router.swap(address(tokenIn), amount);
    }

    // Safe: forceApprove handles USDT-style tokens.
    function zapSafe(IERC20 tokenIn, uint256 amount) external returns (uint256) {
        require(tokenIn.transferFrom(msg.sender, address(this), amount), "pull failed"); // expect: unsafe-erc20-transfer
        tokenIn.forceApprove(address(router), amount);
        return router.swap(address(tokenIn), amount);
    }

    // Safe: the allowance is reset to zero first.
    function zapReset(IERC20 tokenIn, uint256 amount) external returns (uint256) {
        require(tokenIn.transferFrom(msg.sender, address(this), amount), "pull failed"); // expect: unsafe-erc20-transfer
        require(tokenIn.approve(address(router), 0), "reset failed");
        require(tokenIn.approve(address(router), amount), "approve failed");
        return router.swap(address(tokenIn), amount);
    }

    // Safe: the interface matches USDT's approve, which returns nothing.
    function zapUsdt(IUSDT usdt, uint256 amount) external {
        usdt.approve(address(router), 0);
        usdt.approve(address(router), amount);
    }
}
