// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

abstract contract FeeModuleUpgradeable is Initializable { // expect: missing-storage-gap
    uint256 public fee;

    function setFeeInternal(uint256 fee_) internal {
        fee = fee_;
    }
}

abstract contract GappedModuleUpgradeable is Initializable {
    uint256 public limit;
    uint256[49] private __gap;

    function setLimitInternal(uint256 limit_) internal {
        limit = limit_;
    }
}

// Constants and immutables take no storage slot.
abstract contract ConstantsOnlyUpgradeable is Initializable {
    uint256 public constant MAX = 100;
}

// The most-derived contract can append variables freely.
contract AppUpgradeable is FeeModuleUpgradeable, GappedModuleUpgradeable {
    address public owner;

    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_, uint256 fee_, uint256 limit_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
        setFeeInternal(fee_);
        setLimitInternal(limit_);
    }
}
