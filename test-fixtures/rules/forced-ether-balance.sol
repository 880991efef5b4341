// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract EtherGame {
    uint256 public immutable targetAmount = 7 ether;
    address public winner;

    event Won(address player);

    function play() external payable {
        require(msg.value == 1 ether, "one ether");
        require(address(this).balance <= targetAmount, "game over"); // expect: forced-ether-balance
        if (address(this).balance >= targetAmount) { // expect: forced-ether-balance
            winner = msg.sender;
            emit Won(msg.sender);
        }
    }

    function claim() external {
        require(msg.sender == winner, "not winner");
        (bool ok, ) = msg.sender.call{value: address(this).balance}("");
        require(ok, "failed");
    }
}

contract ForcedEtherLookAlikes {
    uint256 public immutable cap = 10 ether;
    uint256 public totalDeposited;
    mapping(address => uint256) public deposits;

    // Tracked deposits cannot be forced.
    function deposit() external payable {
        require(totalDeposited + msg.value <= cap, "cap");
        totalDeposited += msg.value;
        deposits[msg.sender] += msg.value;
    }

    // A funds check before paying an amount is fine.
    function withdraw(uint256 amount) external {
        require(address(this).balance >= amount, "insufficient");
        deposits[msg.sender] -= amount;
        totalDeposited -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
    }
}
