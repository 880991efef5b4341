// SPDX-License-Identifier: MIT
// Interfaces state compatibility with a range; they generate no code, so neither rule applies.
pragma solidity >=0.4.16;

interface ITokenLike {
    function totalSupply() external view returns (uint256);
}
