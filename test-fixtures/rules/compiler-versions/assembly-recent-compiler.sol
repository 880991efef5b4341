// SPDX-License-Identifier: MIT
// The same assembly built with a compiler after the fixes: only the assembly itself is worth a look.
pragma solidity 0.8.26;

contract HashesInAssemblyFixed {
    function digest(bytes32 a) external pure returns (bytes32 result) {
        assembly { // expect: assembly
            let ptr := mload(0x40)
            mstore(ptr, a)
            result := keccak256(ptr, 0x20)
        }
    }
}
