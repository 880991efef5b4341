// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract IncorrectShift {
    function selectorOf(bytes32 word) external pure returns (bytes4 selector) {
        assembly {
            selector := shr(word, 224) // expect: incorrect-shift
        }
    }

    function pack(uint256 high, uint256 low) external pure returns (uint256 packed) {
        assembly {
            packed := or(shl(high, 128), low) // expect: incorrect-shift
        }
    }
}

contract ShiftLookAlikes {
    function shifts(bytes32 word, uint256 offset) external pure returns (uint256 a, uint256 b, uint256 c, uint256 d) {
        assembly {
            a := shr(224, word)
            b := shl(offset, 1)
            c := shl(offset, 0xff)
            d := sar(8, 16)
        }
    }
}
