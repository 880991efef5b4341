// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Owned {
    address public admin; // expect: immutable-states

    constructor() {
        admin = msg.sender;
    }
}

contract NaiveProxy is Owned {
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
abstract contract VaultStorage {
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

// Flagged: the delegate is created right here, and its first variable sits in the proxy's `owner` slot.
contract CounterLogic {
    uint256 public count;

    function increment() external {
        count += 1;
    }
}

contract CounterFront {
    address public lastCaller; // expect: proxy-storage-collision/knownImplementation
    address public immutable logic;

    constructor() {
        logic = address(new CounterLogic());
    }

    fallback(bytes calldata data) external returns (bytes memory) {
        lastCaller = msg.sender;
        (bool ok, bytes memory ret) = logic.delegatecall(data);
        require(ok, "delegatecall failed");
        return ret;
    }
}

// Medium: a delegate fixed at deployment, and nothing here shows what it declares.
contract JobRunner {
    uint256 public nextJobId; // expect: proxy-storage-collision/fixedDelegate
    mapping(uint256 => bytes) public jobs;
    address public immutable delegate;

    constructor(address delegate_) {
        delegate = delegate_;
    }

    function addJob(bytes calldata job) external returns (uint256 id) {
        id = nextJobId++;
        jobs[id] = job;
    }

    fallback(bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = delegate.delegatecall(data);
        require(ok, "delegatecall failed");
        return ret;
    }
}

// Safe: a registry split in two for code size. The front and its logic contract inherit the same storage base
// (not named `...Storage`), so every slot means the same thing on both sides.
abstract contract RegistryState {
    address internal admin;
    mapping(uint256 => address) internal upkeepTarget;
    uint256 internal upkeepCount;
}

abstract contract ForwardsRest {
    address private immutable next;

    constructor(address next_) {
        next = next_;
    }

    fallback() external {
        address target = next;
        assembly { // expect: assembly
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

contract RegistryLogic is RegistryState {
    function registerUpkeep(address target) external returns (uint256 id) {
        require(msg.sender == admin, "not admin");
        id = upkeepCount++;
        upkeepTarget[id] = target;
    }
}

contract Registry is RegistryState, ForwardsRest {
    constructor(address logic) ForwardsRest(logic) {
        admin = msg.sender;
    }

    function targetOf(uint256 id) external view returns (address) {
        return upkeepTarget[id];
    }
}

// Safe: the wallet singleton keeps the same `address singleton` in slot 0 that its minimal proxy reads.
abstract contract SingletonSlot {
    address private singleton; // expect: unused-state
}

contract Wallet is SingletonSlot {
    uint256 public nonce;

    function bumpNonce() external {
        nonce += 1;
    }
}

contract WalletProxy {
    address internal singleton; // expect: immutable-states

    constructor(address singleton_) {
        singleton = singleton_;
    }

    fallback() external payable {
        assembly { // expect: assembly
            let target := sload(0)
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

// Safe: the module it creates keeps its state in a namespaced slot, so the handler's guard in slot 0 meets nothing.
contract SwapModule {
    bytes32 private constant STATE_SLOT = keccak256("swap.module.state");

    function pendingSwaps() external view returns (uint256 pending) {
        bytes32 slot = STATE_SLOT;
        assembly {
            pending := sload(slot)
        }
    }
}

contract SwapHandler {
    uint256 private entered;
    address public immutable module;

    constructor() {
        module = address(new SwapModule());
    }

    fallback(bytes calldata data) external returns (bytes memory) {
        require(entered == 0, "reentered");
        entered = 1;
        (bool ok, bytes memory ret) = module.delegatecall(data);
        entered = 0;
        require(ok, "delegatecall failed");
        return ret;
    }
}
