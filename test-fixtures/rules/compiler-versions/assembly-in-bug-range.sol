// SPDX-License-Identifier: MIT
// ^0.8.13 admits 0.8.13-0.8.16, whose optimizer drops assembly memory writes and storage writes before `return`.
pragma solidity ^0.8.13; // expect: floating-pragma, outdated-compiler

contract HashesInAssembly {
    uint256 public stored;

    function digest(bytes32 a) external returns (bytes32 result) {
        stored = 1;
        assembly { // expect: assembly
            mstore(0x00, a)
            result := keccak256(0x00, 0x20)
            if iszero(result) { return(0, 0) }
        }
    }
}
