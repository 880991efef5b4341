// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for push-payment-dos: whether an outsider can install the stored recipient `king` is decided by
// the body of `claim`, which `payout` never calls. Emptying `claim` must remove the finding in `payout`, so
// the rule cannot be 'reachable' (it reads every function of the contract).

contract SplitKing {
    address public king;

    function claim() external {
        king = msg.sender;
    }

    function payout() external {
        payable(king).transfer(address(this).balance); // expect: push-payment-dos, transfer-gas-stipend
    }
}
