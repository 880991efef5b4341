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
