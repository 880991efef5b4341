// SPDX-License-Identifier: MIT
pragma solidity 0.5.17; // expect: outdated-compiler

import "./shadowing-state/Base.sol";

contract ShadowingToken is OwnedBase {
    address public owner; // expect: shadowing-state
    uint256 internal fee; // expect: shadowing-state
    // Reusing the name of a private base variable is allowed and harmless: the base's copy is invisible here.
    uint256 private secret;
    uint256 public supply;

    constructor() public {
        owner = msg.sender;
        fee = 1;
        secret = 2;
        supply = 3;
    }

    function setFee(uint256 value) external onlyOwner {
        fee = value;
        secret = value;
        supply = value;
    }
}

contract ShadowingStateLookAlikes is OwnedBase {
    // New names, and a local that shares a state variable's name, are not state shadowing.
    uint256 public ownerFee;

    function quote(uint256 fee) external view returns (bool) { // expect: shadowing-local
        return fee > ownerFee; // expect: uninitialized-state
    }
}
