// SPDX-License-Identifier: MIT
// Pinned to a recent compiler and no construct any listed bug needs: silent.
pragma solidity 0.8.24;

contract PinnedRecent {
    uint256 public count;

    function bump() external {
        count += 1;
    }
}
