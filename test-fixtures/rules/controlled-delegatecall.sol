// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";

contract Executor {
    address public immutable owner = msg.sender;
    address public immutable implementation;

    constructor(address impl) {
        implementation = impl;
    }

    function run(address target, bytes calldata data) external {
        (bool ok, ) = target.delegatecall(data); // expect: controlled-delegatecall
        require(ok, "failed");
    }

    function runViaLibrary(address target, bytes calldata data) external {
        Address.functionDelegateCall(target, data); // expect: controlled-delegatecall
    }

    // Restricted to the owner.
    function ownerRun(address target, bytes calldata data) external {
        require(msg.sender == owner, "not owner");
        (bool ok, ) = target.delegatecall(data);
        require(ok, "failed");
    }

    // The target is fixed at deployment; only the data is the caller's.
    function forward(bytes calldata data) external {
        (bool ok, ) = implementation.delegatecall(data);
        require(ok, "failed");
    }

    // Multicall into this contract itself.
    function multicall(bytes[] calldata calls) external {
        for (uint256 i = 0; i < calls.length; i++) {
            Address.functionDelegateCall(address(this), calls[i]);
        }
    }
}

// Safe: `simulate` reverts unless a wallet delegatecalls into it, so it runs in the storage of the wallet that
// chose to delegate (its owners approved that call); nobody can run it in this accessor's own context.
contract SimulationAccessor {
    address private immutable self;

    constructor() {
        self = address(this);
    }

    modifier onlyDelegateCall() {
        require(address(this) != self, "must be delegatecalled");
        _;
    }

    function simulate(address to, bytes calldata data) external onlyDelegateCall returns (bool success, uint256 gasUsed) {
        uint256 start = gasleft();
        (success, ) = to.delegatecall(data);
        gasUsed = start - gasleft();
    }
}

// Low: the set-up callback of a wallet runs once, for whoever initialises a fresh instance first (its factory,
// in the same transaction); `_setupOwners` refuses a second call.
contract WalletSetup {
    error AlreadySetUp();

    mapping(address => bool) public isOwner;
    uint256 public threshold;

    function setup(address[] calldata owners, uint256 threshold_, address to, bytes calldata data) external {
        _setupOwners(owners, threshold_);
        if (to != address(0)) {
            (bool ok, ) = to.delegatecall(data); // expect: controlled-delegatecall/initialization
            require(ok, "setup call failed");
        }
    }

    function _setupOwners(address[] calldata owners, uint256 threshold_) internal {
        if (threshold > 0) revert AlreadySetUp();
        require(threshold_ > 0 && threshold_ <= owners.length, "bad threshold");
        for (uint256 i = 0; i < owners.length; i++) isOwner[owners[i]] = true;
        threshold = threshold_;
    }
}
