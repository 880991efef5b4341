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

// Look-alikes: a constant shifted by a computed amount the block bounds below 256 bits. Here the bucket width
// doubles when the list is long, and a Yul helper receives the flag as a parameter from every call site.
contract BoundedShiftAmounts {
    function slotOffset(uint256 length, uint256 index) external pure returns (uint256 offset, uint256 mask) {
        assembly {
            let wide := gt(length, 0xfffe)
            offset := shl(add(4, wide), and(index, shr(wide, 15)))
            mask := sub(shl(shl(wide, 16), 1), 1)
        }
    }

    function bucketMask(uint256 length) external pure returns (uint256 mask) {
        assembly {
            function widthMask(wide_) -> m_ {
                m_ := sub(shl(shl(wide_, 16), 1), 1)
            }
            mask := widthMask(gt(length, 0xfffe))
        }
    }

    function sqrtGuess(uint256 h) external pure returns (uint256 m) {
        assembly {
            m := shl(4, lt(0xffff, h))
            m := shl(shr(1, or(m, shl(3, lt(0xff, shr(m, h))))), 16)
        }
    }

    // Still reported: the helper's parameter is a whole word at one of its call sites.
    function packWord(uint256 word) external pure returns (uint256 packed) {
        assembly {
            function spread(amount_) -> r_ {
                r_ := shl(amount_, 64) // expect: incorrect-shift
            }
            packed := or(spread(1), spread(word))
        }
    }
}
