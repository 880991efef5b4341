// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for unprotected-initializer: the caller check of `initialize` is in the body of the internal
// helper `_onlyDeployer`, so emptying `_onlyDeployer` must change the finding on `initialize`.

contract HelperGuardedInit {
    address public deployer;
    address public owner;
    bool private initialized;

    constructor() {
        deployer = msg.sender;
    }

    function initialize(address newOwner) external {
        _onlyDeployer();
        require(newOwner != address(0), "zero owner");
        owner = newOwner;
    }

    function _onlyDeployer() internal view {
        require(msg.sender == deployer, "not deployer");
    }
}
