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
