// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";

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

// Safe: the initializer reverts unless it runs through a proxy's delegatecall, so nobody can initialise the
// implementation itself, which is all `_disableInitializers()` would prevent.
abstract contract DelegateOnly {
    address private immutable self = address(this);

    modifier onlyDelegated() {
        require(address(this) != self, "only through delegatecall");
        _;
    }
}

contract BridgeImplementation is Initializable, DelegateOnly {
    address public rollup;

    function initialize(address rollup_) external initializer onlyDelegated {
        require(rollup_ != address(0), "zero");
        rollup = rollup_;
    }
}

// Safe for the same reason, with the check in a helper reverting by hand, the OpenZeppelin 5 shape.
contract InboxImplementation is Initializable {
    error UnauthorizedCallContext();

    address private immutable self = address(this);
    address public bridge;

    function initialize(address bridge_) external initializer {
        _checkProxy();
        require(bridge_ != address(0), "zero");
        bridge = bridge_;
    }

    function _checkProxy() internal view {
        if (address(this) == self || bridge == address(1)) revert UnauthorizedCallContext();
    }
}

// Medium rather than Low: whoever initialises this UUPS implementation owns its upgrade function.
contract UpgradeableVault is Initializable, UUPSUpgradeable { // expect: missing-disable-initializers
    address public owner;

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }

    function _authorizeUpgrade(address) internal view override {
        require(msg.sender == owner, "not owner");
    }
}
