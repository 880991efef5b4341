// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract UncheckedSend {
    mapping(address => uint256) public refunds;

    function refund(address payable bidder) external {
        uint256 amount = refunds[bidder];
        refunds[bidder] = 0;
        bidder.send(amount); // expect: unchecked-send, transfer-gas-stipend, arbitrary-send-eth, missing-zero-check
    }

    function refundUnread(address payable bidder) external {
        bool sent = bidder.send(1 wei); // expect: unchecked-send, transfer-gas-stipend, arbitrary-send-eth, missing-zero-check
    }

    function refundWithoutBraces(address payable bidder, bool go) external {
        if (go) bidder.send(1 wei); // expect: unchecked-send, transfer-gas-stipend, arbitrary-send-eth, missing-zero-check
    }
}

interface IERC777Like {
    function send(address to, uint256 amount, bytes calldata data) external;
}

contract CheckedSendLookAlikes {
    IERC777Like public token;

    function checked(address payable to) external {
        require(to.send(1 wei), "send failed"); // expect: transfer-gas-stipend, arbitrary-send-eth, missing-zero-check
    }

    function branched(address payable to) external returns (bool) {
        if (!to.send(1 wei)) return false; // expect: transfer-gas-stipend, arbitrary-send-eth, missing-zero-check
        return true;
    }

    // A token's three-argument `send` is a normal external call, not ETH.
    function tokenSend(address to) external {
        token.send(to, 1, "");
    }
}

// King of the Ether (2016): the refund to the stored king is still reported, but no `require` fix is offered,
// since a required send to that address is push-payment-dos.
contract Throne {
    address payable public king;

    function claim() external payable {
        king.send(msg.value); // expect: unchecked-send, transfer-gas-stipend
        king = payable(msg.sender);
    }
}
