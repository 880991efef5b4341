// SPDX-License-Identifier: MIT
pragma solidity 0.5.17; // expect: outdated-compiler

// The base contracts of the shadowing-state fixture, in their own file to prove shadowing is found across imports.
contract OwnedBase {
    address public owner;
    uint256 internal fee;
    uint256 private secret;

    constructor() public {
        owner = msg.sender;
    }

    function feeAboveSecret() external view returns (bool) {
        return fee > secret; // expect: uninitialized-state
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }
}
