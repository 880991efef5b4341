// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

contract ImplementationV1 is Initializable { // expect: missing-disable-initializers
    address public owner;

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }
}

contract LockedImplementation is Initializable {
    address public owner;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }
}

// A base's constructor runs too.
abstract contract LockedBase is Initializable {
    constructor() {
        _disableInitializers();
    }
}

contract ChildOfLockedBase is LockedBase {
    address public owner;

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }
}

// Abstract bases are judged through the contracts that inherit them.
abstract contract AbstractModule is Initializable { // expect: missing-storage-gap
    uint256 public fee;

    function initializeModule(uint256 fee_) external initializer {
        fee = fee_;
    }
}
