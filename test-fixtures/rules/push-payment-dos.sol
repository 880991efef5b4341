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

// Flagged: the refund goes through an internal helper, handed the stored bidder.
contract HelperAuction {
    address public highestBidder;
    uint256 public highestBid;

    function bid() external payable {
        require(msg.value > highestBid, "too low");
        _refund(highestBidder, highestBid);
        highestBidder = msg.sender;
        highestBid = msg.value;
    }

    function _refund(address bidder, uint256 amount) internal {
        if (bidder != address(0)) payable(bidder).transfer(amount); // expect: push-payment-dos, transfer-gas-stipend
    }
}

// Flagged: one auction per id; the previous bidder of that id is refunded and replaced in the same call.
contract AuctionHouse {
    struct Lot {
        address highestBidder;
        uint256 highestBid;
    }

    mapping(uint256 => Lot) public lots;

    function bid(uint256 lotId) external payable {
        Lot storage lot = lots[lotId];
        require(msg.value > lot.highestBid, "too low");
        address previous = lots[lotId].highestBidder;
        uint256 refund = lot.highestBid;
        lots[lotId].highestBidder = msg.sender;
        lot.highestBid = msg.value;
        (bool ok, ) = payable(previous).call{value: refund}(""); // expect: push-payment-dos
        require(ok, "refund failed");
    }
}

// Flagged: the payout pays every entrant in a loop; one entrant that rejects ETH blocks it for all.
contract SplitPot {
    address[] public entrants;
    address public immutable operator = msg.sender;

    function enter() external payable {
        require(msg.value == 0.1 ether, "ticket");
        entrants.push(msg.sender);
    }

    function payout() external {
        require(msg.sender == operator, "operator");
        uint256 count = entrants.length;
        uint256 share = address(this).balance / count;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            payable(entrants[i]).transfer(share); // expect: push-payment-dos, transfer-gas-stipend, calls-loop
        }
        delete entrants;
    }
}

// Silent: a failed refund is recorded for a later withdrawal instead of reverting.
contract TolerantAuction {
    address public highestBidder;
    uint256 public highestBid;
    mapping(address => uint256) public owed;

    function bid() external payable {
        require(msg.value > highestBid, "too low");
        address previous = highestBidder;
        uint256 refund = highestBid;
        highestBidder = msg.sender;
        highestBid = msg.value;
        (bool ok, ) = payable(previous).call{value: refund, gas: 30_000}("");
        if (!ok) owed[previous] += refund;
    }

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw");
    }
}

// Silent: only the owner adds payees, so only the owner's own choices can block the payout.
contract OwnerPayroll {
    address payable[] public payees;
    address public immutable owner = msg.sender;

    function addPayee(address payable payee) external {
        require(msg.sender == owner, "owner");
        payees.push(payee);
    }

    function pay() external {
        uint256 count = payees.length;
        for (uint256 i = 0; i < count; i++) {
            payees[i].transfer(0.01 ether); // expect: transfer-gas-stipend, calls-loop
        }
    }
}
