// SPDX-License-Identifier: MIT
// Safe vault: inherited nonReentrant and onlyOwner reached through the @oz remapping.
pragma solidity 0.8.24;

import {ReentrancyGuard} from "@oz/utils/ReentrancyGuard.sol";
import {Ownable} from "@oz/access/Ownable.sol";

contract GuardedVault is ReentrancyGuard, Ownable {
    mapping(address => uint256) public balances;

    event FeeRecipientSet(address recipient);

    address public feeRecipient;

    constructor() Ownable(msg.sender) {}

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    // Writes after the call, but the inherited guard blocks re-entry.
    function withdraw(uint256 amount) external nonReentrant {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
        balances[msg.sender] -= amount;
    }

    // Owner-only: not an arbitrary send, not an unprotected setting.
    function rescue(address payable to, uint256 amount) external onlyOwner {
        require(to != address(0), "zero");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "failed");
    }

    function setFeeRecipient(address recipient) external onlyOwner {
        require(recipient != address(0), "zero");
        feeRecipient = recipient;
        emit FeeRecipientSet(recipient);
    }
}
