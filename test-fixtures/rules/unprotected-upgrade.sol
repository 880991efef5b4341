// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

contract OpenUpgrade is Initializable, UUPSUpgradeable {
    address public owner;

    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }

    function _authorizeUpgrade(address) internal override {} // expect: unprotected-upgrade
}

contract GuardedUpgrade is Initializable, UUPSUpgradeable {
    address public owner;

    constructor() {
        _disableInitializers();
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

contract BodyGuardedUpgrade is Initializable, UUPSUpgradeable {
    address public owner;

    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }

    function _authorizeUpgrade(address) internal view override {
        if (msg.sender != owner) revert("not owner");
    }
}

// `onlyOwner` is declared here but `_authorizeUpgrade` does not use it: the fix adds it. OpenUpgrade has none, so no fix there.
contract OwnedOpenUpgrade is Initializable, UUPSUpgradeable {
    address public owner;

    constructor() {
        _disableInitializers();
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }

    function _authorizeUpgrade(address) internal override {} // expect: unprotected-upgrade
}

// Safe: the base's `onlyAdmin` calls a caller check that every deployed chain's pool implements (its own
// cross-domain admin); the base cannot see the check, but no deployable contract lacks one.
abstract contract BridgePoolBase is Initializable, UUPSUpgradeable {
    uint256 public depositCount;
    uint256[49] private __gap;

    modifier onlyAdmin() {
        _requireAdminSender();
        _;
    }

    function deposit() external {
        depositCount += 1;
    }

    function _authorizeUpgrade(address) internal override onlyAdmin {}

    function _requireAdminSender() internal virtual;
}

contract MainnetBridgePool is BridgePoolBase {
    address public immutable admin;

    constructor(address admin_) {
        admin = admin_;
        _disableInitializers();
    }

    function _requireAdminSender() internal view override {
        require(msg.sender == admin, "not admin");
    }
}
