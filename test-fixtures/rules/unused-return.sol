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

interface IBridgeInbox {
    /// @notice Queues a message for the other chain.
    /// @return unique message number of the queued message
    function sendMessage(address to, bytes calldata data) external payable returns (uint256);
    function depositForBurn(uint256 amount, uint32 domain) external returns (uint64 _nonce);
    function settle(uint256 amount) external returns (uint256 paid);
}

contract BridgeRelay {
    IBridgeInbox public immutable inbox;
    address public immutable owner = msg.sender;
    mapping(address => uint256) public credited;

    constructor(IBridgeInbox inbox_) {
        inbox = inbox_;
    }

    // Message numbers and nonces only identify what was queued: nothing to check.
    function relay(address to, bytes calldata data) external payable {
        inbox.sendMessage{value: msg.value}(to, data);
        inbox.depositForBurn(msg.value, 7);
    }

    // An owner-only call that books nothing loses information, not funds: reported Low.
    function settleFees(uint256 amount) external {
        require(msg.sender == owner, "owner");
        inbox.settle(amount); // expect: unused-return
    }

    // Open to anyone and booking an amount: the dropped result can skew the books (Medium).
    function settleFor(uint256 owed) external {
        inbox.settle(owed); // expect: unused-return
        credited[msg.sender] += owed;
    }
}
