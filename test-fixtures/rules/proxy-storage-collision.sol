// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Owned {
    address public admin; // expect: immutable-states

    constructor() {
        admin = msg.sender;
    }
}

contract NaiveProxy is Owned { // expect: proxy-storage-collision
    address public implementation; // expect: proxy-storage-collision, immutable-states

    constructor(address impl) {
        implementation = impl;
    }

    fallback() external payable {
        _delegate(implementation);
    }

    receive() external payable {}

    function _delegate(address impl) internal {
        assembly { // expect: assembly
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

contract SolidityProxy {
    address public target; // expect: proxy-storage-collision, immutable-states
    uint256 public constant VERSION = 1;

    constructor(address target_) {
        target = target_;
    }

    fallback(bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = target.delegatecall(data);
        require(ok, "delegatecall failed");
        return ret;
    }
}

// Safe: the implementation address lives in the EIP-1967 slot.
contract SlotProxy {
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    constructor(address impl) {
        assembly { // expect: assembly
            sstore(IMPLEMENTATION_SLOT, impl)
        }
    }

    fallback() external payable {
        assembly { // expect: assembly
            let impl := sload(IMPLEMENTATION_SLOT)
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

// Safe: an immutable target takes no storage slot (minimal-proxy style).
contract ImmutableProxy {
    address public immutable target;

    constructor(address target_) {
        target = target_;
    }

    fallback(bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = target.delegatecall(data);
        require(ok, "delegatecall failed");
        return ret;
    }
}

// Safe: proxy and implementation share this layout on purpose.
contract VaultStorage {
    address public admin;
    address public implementation;
    uint256 public totalAssets;
}

contract SharedLayoutProxy is VaultStorage {
    fallback(bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = implementation.delegatecall(data);
        require(ok, "delegatecall failed");
        return ret;
    }
}

// Safe: a fallback that does not delegate is no proxy.
contract Receiver {
    uint256 public calls;

    fallback() external {
        calls += 1;
    }
}
