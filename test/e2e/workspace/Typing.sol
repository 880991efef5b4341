// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// The typing step adds a vulnerable line below the increment and times the new squiggle.
contract Counter {
    address public immutable owner = msg.sender;
    uint256 public count;

    function increment() external {
        count += 1;
    }
}
