// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

abstract contract Initializable {
    bool private _initialized;

    modifier initializer() {
        require(!_initialized, "initialized");
        _initialized = true;
        _;
    }

    function _disableInitializers() internal {
        _initialized = true;
    }
}

contract VaultV1 is Initializable {
    uint256 public constant MAX_FEE = 1000;
    address public immutable asset;
    uint256 public feeBps = 30; // expect: upgradeable-constructor
    address public owner;
    uint256 public total;

    event Created(address asset);

    constructor(address asset_) {
        asset = asset_;
        owner = msg.sender; // expect: upgradeable-constructor
        emit Created(asset_);
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero owner");
        owner = owner_;
    }
}

// Safe: only locks initializers and sets immutables; constants and immutables live in the code.
contract VaultV2 is Initializable {
    uint256 public constant MAX_FEE = 1000;
    address public immutable asset;
    address public owner;
    uint256 public feeBps;

    constructor(address asset_) {
        asset = asset_;
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero owner");
        owner = owner_;
        feeBps = 30;
    }
}

// Safe: the author acknowledged the constructor for the OpenZeppelin upgrades plugin.
contract VaultV3 is Initializable { // expect: missing-disable-initializers
    address public owner;
    bool public locked;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        locked = true;
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero owner");
        owner = owner_;
    }
}

// Safe: not upgradeable; a plain `initialize` function (Uniswap V3 pools) is no sign of a proxy.
contract Pool {
    address public immutable factory;
    uint160 public price;
    uint256 public fee = 3000;

    constructor() {
        factory = msg.sender;
        fee = 500;
    }

    function initialize(uint160 price_) external {
        require(price == 0, "already initialized");
        price = price_;
    }
}

// Safe: the constructor sets the initializer's own lock, so the implementation cannot be initialised; the proxy
// keeps an unset lock. A zero initial value is what the proxy reads anyway.
contract LockingVault {
    bool private initialized;
    address public owner;
    uint256 public pendingFees = 0;

    modifier initializer() {
        require(!initialized, "initialized");
        initialized = true;
        _;
    }

    constructor() {
        initialized = true;
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero owner");
        owner = owner_;
    }
}

// Safe: an upgradeable base inherited only for its storage layout, in contracts that have no initializer at all.
// The constructor is their only set-up, so they are deployed as they are, never behind a proxy.
abstract contract RolesUpgradeable is Initializable {
    mapping(bytes32 => bytes32) internal roleAdmin;
    uint256[49] private __gap;

    function _setRoleAdmin(bytes32 role, bytes32 adminRole) internal {
        roleAdmin[role] = adminRole;
    }
}

abstract contract FlowHandler is RolesUpgradeable {
    bytes32 public constant BOT_ROLE = keccak256("BOT_ROLE");

    constructor(bytes32 adminRole) {
        _setRoleAdmin(BOT_ROLE, adminRole);
    }
}

contract BridgeFlowHandler is FlowHandler {
    constructor() FlowHandler(bytes32(0)) {}
}
