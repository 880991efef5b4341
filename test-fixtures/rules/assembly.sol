// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract AssemblyUse {
    function writeSlot(bytes32 slot, uint256 value) external {
        assembly { // expect: assembly
            sstore(slot, value)
        }
    }

    function forward(address impl) external {
        assembly { // expect: assembly
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }

    function memorySafeWrite(uint256 v) external pure returns (bytes32 r) {
        assembly ("memory-safe") { // expect: assembly
            let ptr := mload(0x40)
            mstore(ptr, v)
            r := keccak256(ptr, 0x20)
        }
    }
}

contract AssemblyReadsOnly {
    struct Slot {
        uint256 value;
    }

    // Only reads: code size, chain id and a storage pointer assignment bypass no check worth flagging.
    function codeSize(address account) external view returns (uint256 size) {
        assembly {
            size := extcodesize(account)
        }
    }

    function chain() external view returns (uint256 id) {
        assembly ("memory-safe") {
            id := chainid()
        }
    }

    // Two-word hashing in the scratch space leaves Solidity's memory untouched.
    function hashPair(bytes32 a, bytes32 b) external pure returns (bytes32 value) {
        assembly ("memory-safe") {
            mstore(0x00, a)
            mstore(0x20, b)
            value := keccak256(0x00, 0x40)
        }
    }

    function pointer(bytes32 slot) internal pure returns (Slot storage r) { // expect: dead-code
        assembly ("memory-safe") {
            r.slot := slot
        }
    }
}
