// SPDX-License-Identifier: MIT
// Libraries and abstract contracts are built with the pragma of the project that imports them.
pragma solidity ^0.8.20;

library MathLike {
    function max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}

abstract contract BaseLike {
    function hook() internal virtual;
}
