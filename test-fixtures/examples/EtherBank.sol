// SPDX-License-Identifier: MIT
// A bank with The DAO's bug: the balance is zeroed after the ETH leaves, so the receiver can re-enter.
pragma solidity ^0.8.19; // expect: floating-pragma

contract EtherBank {
    mapping(address => uint256) public balances;
    address public owner; // expect: immutable-states

    constructor() {
        owner = msg.sender;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-eth
        require(ok, "send failed");
        balances[msg.sender] = 0;
    }

    function sweep(address payable to) external {
        require(tx.origin == owner, "only owner"); // expect: tx-origin
        to.transfer(address(this).balance); // expect: missing-zero-check, transfer-gas-stipend
    }
}
