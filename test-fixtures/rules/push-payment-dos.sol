// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Auction {
    address public highestBidder;
    uint256 public highestBid;

    function bid() external payable {
        require(msg.value > highestBid, "too low");
        address previous = highestBidder;
        uint256 refund = highestBid;
        highestBidder = msg.sender;
        highestBid = msg.value;
        (bool ok, ) = payable(previous).call{value: refund}(""); // expect: push-payment-dos
        require(ok, "refund failed");
    }
}

contract KingOfEther {
    address payable public king;
    uint256 public prize;

    function claimThrone() external payable {
        require(msg.value > prize, "too low");
        uint256 refund = prize;
        prize = msg.value;
        bool ok = king.send(refund); // expect: push-payment-dos, transfer-gas-stipend
        require(ok, "refund failed");
        king = payable(msg.sender);
    }
}

contract PushPaymentLookAlikes {
    address public highestBidder;
    uint256 public highestBid;
    address public immutable owner = msg.sender;
    mapping(address => uint256) public pendingReturns;

    // Pull payments: the refund is recorded, not sent.
    function bid() external payable {
        require(msg.value > highestBid, "too low");
        pendingReturns[highestBidder] += highestBid;
        highestBidder = msg.sender;
        highestBid = msg.value;
    }

    function withdraw() external {
        uint256 amount = pendingReturns[msg.sender];
        pendingReturns[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "failed");
    }

    // Only the owner can call it, so only the owner can be blocked.
    function sweep() external {
        require(msg.sender == owner, "owner");
        (bool ok, ) = payable(highestBidder).call{value: address(this).balance}("");
        require(ok, "failed");
    }
}
