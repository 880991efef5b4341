// SPDX-License-Identifier: MIT
// A lottery whose winner anyone can predict: the "random" number comes from block data.
pragma solidity ^0.8.19; // expect: floating-pragma

contract Lottery {
    address[] public players;
    uint256 public endsAt; // expect: immutable-states

    constructor() {
        endsAt = block.timestamp + 1 days;
    }

    function enter() external payable {
        require(msg.value == 0.1 ether, "ticket is 0.1 ether");
        players.push(msg.sender);
    }

    function draw() external {
        require(block.timestamp >= endsAt, "not yet");
        uint256 index = uint256(keccak256(abi.encodePacked(block.timestamp, block.prevrandao, players.length))) % players.length; // expect: weak-prng
        payable(players[index]).transfer(address(this).balance); // expect: transfer-gas-stipend
        delete players;
    }
}
