// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IRouter {
    function swap(uint256 amountIn, uint256 minOut) external returns (uint256 amountOut);
    function sync() external;
    function quote(uint256 amountIn) external view returns (uint256);
    function queue(bytes calldata data) external returns (bytes32 id);
}

interface IToken {
    function mintPosition(address to) external returns (uint256 id, uint128 liquidity);
}

contract Vault {
    IRouter public immutable router;
    IToken public immutable token;
    uint256 public lastOut;

    constructor(IRouter r, IToken t) {
        router = r;
        token = t;
    }

    function rebalance(uint256 amount) external {
        router.swap(amount, 0); // expect: unused-return
        token.mintPosition(msg.sender); // expect: unused-return
    }

    // The result is used.
    function rebalanceChecked(uint256 amount) external {
        lastOut = router.swap(amount, amount / 2);
        (uint256 id, ) = token.mintPosition(msg.sender);
        require(id != 0, "no position");
    }

    // A view call dropped as a sanity check, and an id nobody needs.
    function check(bytes calldata data) external {
        router.quote(1);
        router.queue(data);
    }

    // Nothing is returned.
    function poke() external {
        router.sync();
    }

}
