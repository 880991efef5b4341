// SPDX-License-Identifier: MIT
// The same bank written safely: checks-effects-interactions, msg.sender authorisation, a pinned compiler.
pragma solidity 0.8.24;

contract Vault {
    mapping(address => uint256) public balances;
    address public immutable owner;

    constructor() {
        owner = msg.sender;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send failed");
    }
}
