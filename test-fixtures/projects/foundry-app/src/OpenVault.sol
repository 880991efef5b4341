// SPDX-License-Identifier: MIT
// Unsafe vault: the same code as GuardedVault without the guard, and a setter without onlyOwner.
pragma solidity 0.8.24;

import {Ownable} from "@oz/access/Ownable.sol";

contract OpenVault is Ownable {
    mapping(address => uint256) public balances;

    event FeeRecipientSet(address recipient);

    address public feeRecipient;

    constructor() Ownable(msg.sender) {}

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-eth
        require(ok, "failed");
        balances[msg.sender] -= amount;
    }

    function setFeeRecipient(address recipient) external {
        require(recipient != address(0), "zero");
        feeRecipient = recipient; // expect: unprotected-critical-function
        emit FeeRecipientSet(recipient);
    }
}
