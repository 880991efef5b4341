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

contract TreasuryPayer {
    address payable public treasury;
    address public immutable admin = msg.sender;

    // Only the admin sets the recipient, so it is trusted not to block its own payments.
    function setTreasury(address payable newTreasury) external {
        require(msg.sender == admin, "admin");
        require(newTreasury != address(0), "zero");
        treasury = newTreasury;
    }

    function pay(uint256 amount) external {
        (bool ok, ) = treasury.call{value: amount}("");
        require(ok, "failed");
    }
}

contract PrizeDraw {
    address[] public players;

    function enter() external payable {
        require(msg.value == 0.1 ether, "ticket");
        players.push(msg.sender);
    }

    // The paid element changes from call to call; a reverting winner only blocks their own prize.
    function draw(uint256 index) external {
        address winner = players[index];
        delete players;
        (bool ok, ) = payable(winner).call{value: address(this).balance}("");
        require(ok, "failed");
    }
}
