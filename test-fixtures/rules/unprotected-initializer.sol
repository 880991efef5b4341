// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

contract VaultV1 is Initializable {
    address public owner;
    uint256 public fee;

    function initialize(address owner_) external { // expect: unprotected-initializer
        owner = owner_; // expect: missing-zero-check
    }

    function initializeV2(uint256 fee_) public { // expect: unprotected-initializer
        fee = fee_;
    }
}

contract VaultV1Safe is Initializable {
    address public owner;
    uint256 public fee;

    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        owner = owner_; // expect: missing-zero-check
    }

    function initializeV2(uint256 fee_) external reinitializer(2) {
        fee = fee_;
    }

    // Only the owner may re-run set-up.
    function init(uint256 fee_) external {
        require(msg.sender == owner, "not owner");
        fee = fee_;
    }
}

// A hand-written one-time flag also guards.
contract HandRolledUpgradeable {
    bool private initialized;
    address public owner;

    function initialize(address owner_) external {
        require(!initialized, "done");
        initialized = true;
        owner = owner_; // expect: missing-zero-check
    }
}

// Not upgradeable: an `init` function on a plain contract is some other set-up step.
contract PlainGame {
    uint256 public round;

    function init() external {
        round = 1;
    }
}

// Not upgradeable but built to run behind a delegatecall (Parity's WalletLibrary, 2017): no constructor, and
// `initWallet` installs the owner for whoever calls first.
contract SharedWalletLibrary {
    address public owner;

    function initWallet(address owner_) external { // expect: unprotected-initializer
        owner = owner_; // expect: missing-zero-check
    }
}

// Not upgradeable: a market that anyone may open, once per id; `initialize` names the market's first price.
contract PoolRegistry {
    address public immutable factory;
    mapping(bytes32 => uint160) public sqrtPrice;

    constructor() {
        factory = msg.sender;
    }

    function initialize(bytes32 poolId, uint160 sqrtPriceX96) external {
        require(sqrtPrice[poolId] == 0, "already initialized");
        require(sqrtPriceX96 != 0, "zero price");
        sqrtPrice[poolId] = sqrtPriceX96;
    }
}

// The one-time check lives in an internal helper, in assembly: the owner slot must be empty, then it is set.
abstract contract SlotOwnable {
    bytes32 internal constant OWNER_SLOT = keccak256("account.owner");

    function _initializeOwner(address newOwner) internal {
        bytes32 slot = OWNER_SLOT;
        assembly { // expect: assembly
            if sload(slot) {
                revert(0, 0)
            }
            sstore(slot, newOwner)
        }
    }
}

contract SmartAccount is Initializable, SlotOwnable {
    function initialize(address newOwner) external {
        _initializeOwner(newOwner);
    }
}

// The same check inline, in the initializer's own assembly.
contract Timelocked is Initializable {
    bytes32 internal constant DELAY_SLOT = keccak256("timelock.delay");

    function initialize(uint256 delay) external {
        bytes32 slot = DELAY_SLOT;
        assembly { // expect: assembly
            if sload(slot) {
                revert(0, 0)
            }
            sstore(slot, add(delay, 1))
        }
    }
}
