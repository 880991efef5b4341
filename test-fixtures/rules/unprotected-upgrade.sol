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

// An admin facet: proxy logic none of whose privileged functions checks a caller, written for a proxy that routes
// only the admin's calls to it (Arbitrum's RollupAdminLogic). Still reported, but at low confidence: the guard is
// in a proxy this contract cannot show, so the finding asks to check it rather than claiming an open door.
contract RollupAdminFacet is Initializable, UUPSUpgradeable {
    address public owner;
    address public operator;
    bool public paused;

    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }

    function pause() external {
        paused = true; // expect: unprotected-critical-function
    }

    function resume() external {
        paused = false; // expect: unprotected-critical-function
    }

    function setOwner(address newOwner) external {
        require(newOwner != address(0), "zero");
        owner = newOwner; // expect: unprotected-critical-function
    }

    function setOperator(address newOperator) external {
        require(newOperator != address(0), "zero");
        operator = newOperator; // expect: unprotected-critical-function
    }

    function _authorizeUpgrade(address implementation) internal override {} // expect: unprotected-upgrade
}

// Privileged functions beside a guarded one: forgotten guards, reported at full confidence.
contract HalfGuardedAdmin is Initializable, UUPSUpgradeable { // expect: centralization-risk
    address public admin;
    address public keeper;
    bool public paused;

    event AdminChanged(address newAdmin);

    constructor() {
        _disableInitializers();
    }

    modifier onlyAdmin() {
        require(msg.sender == admin, "not admin");
        _;
    }

    function initialize(address admin_) external initializer {
        require(admin_ != address(0), "zero");
        admin = admin_;
    }

    function pause() external onlyAdmin {
        paused = true;
    }

    function setAdmin(address newAdmin) external {
        require(newAdmin != address(0), "zero");
        emit AdminChanged(newAdmin);
        admin = newAdmin; // expect: unprotected-critical-function
    }

    function setKeeper(address newKeeper) external {
        require(newKeeper != address(0), "zero");
        keeper = newKeeper; // expect: unprotected-critical-function
    }

    function _authorizeUpgrade(address newImplementation) internal override {} // expect: unprotected-upgrade
}
