// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for locked-ether: whether `Vault` can send ETH out depends on the body of `withdraw` in its base,
// so emptying that body must report `Vault` (a finding on one contract that depends on another's body).

contract VaultBase {
    address internal immutable keeper = msg.sender;

    function withdraw() external {
        require(msg.sender == keeper, "not keeper");
        payable(keeper).transfer(address(this).balance); // expect: transfer-gas-stipend
    }
}

contract Vault is VaultBase {
    receive() external payable {}
}
