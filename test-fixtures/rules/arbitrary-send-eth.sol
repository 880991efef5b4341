// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

contract Payouts is Ownable {
    mapping(address => uint256) public owed;
    mapping(bytes32 => bool) public approved;

    constructor() Ownable(msg.sender) {}

    receive() external payable {}

    function payout(address payable to, uint256 amount) external {
        (bool ok, ) = to.call{value: amount}(""); // expect: arbitrary-send-eth, missing-zero-check
        require(ok, "failed");
    }

    function payoutViaLibrary(address payable to, uint256 amount) external {
        Address.sendValue(to, amount); // expect: arbitrary-send-eth
    }

    function payoutTransfer(address to) external {
        payable(to).transfer(address(this).balance); // expect: arbitrary-send-eth, transfer-gas-stipend, missing-zero-check
    }

    // Restricted by an inherited OpenZeppelin modifier.
    function ownerPayout(address payable to, uint256 amount) external onlyOwner {
        Address.sendValue(to, amount);
    }

    // Restricted in the body.
    function adminPayout(address payable to, uint256 amount) external {
        require(msg.sender == owner(), "not owner");
        (bool ok, ) = to.call{value: amount}(""); // expect: missing-zero-check
        require(ok, "failed");
    }

    // Paying the caller what it is owed.
    function claim() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        Address.sendValue(payable(msg.sender), amount);
    }

    // Forwarding the caller's own ETH.
    function forward(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}(""); // expect: missing-zero-check
        require(ok, "failed");
    }

    // The destination must match an approved operation hash.
    function executeApproved(address payable to, uint256 amount) external {
        require(approved[keccak256(abi.encode(to, amount))], "not approved");
        Address.sendValue(to, amount);
    }
}
