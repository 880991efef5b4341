// SPDX-License-Identifier: MIT
// Safe vault: a mutex modifier from lib/guard-kit, reached through Foundry's automatic lib remapping.
pragma solidity 0.8.24;

import {Exclusive} from "guard-kit/Exclusive.sol";

contract ExclusiveVault is Exclusive {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external exclusive {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
        balances[msg.sender] -= amount;
    }
}
