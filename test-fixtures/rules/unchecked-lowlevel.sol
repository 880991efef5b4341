// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract UncheckedLowLevel {
    address public target;
    mapping(address => bool) public paid;

    function ignored(bytes calldata data) external {
        target.call(data); // expect: unchecked-lowlevel
        target.delegatecall(data); // expect: unchecked-lowlevel
        target.staticcall(data); // expect: unchecked-lowlevel
    }

    function ignoredWithValue(address payable to, uint256 amount) external {
        paid[to] = true;
        to.call{value: amount}(""); // expect: unchecked-lowlevel, arbitrary-send-eth, missing-zero-check
    }

    function successNeverRead(bytes calldata data) external {
        (bool ok, ) = target.call(data); // expect: unchecked-lowlevel
    }

    function flagLeftOut(bytes calldata data) external returns (bytes memory) {
        (, bytes memory result) = target.call(data); // expect: unchecked-lowlevel
        return result;
    }

    function nameTaken(bytes calldata data, bool success) external returns (bool) {
        target.call(data); // expect: unchecked-lowlevel
        return success;
    }

    function withoutBraces(bytes calldata data, bool go) external {
        if (go) target.call(data); // expect: unchecked-lowlevel
    }
}

contract CheckedLowLevelLookAlikes {
    address public target;

    function required(bytes calldata data) external {
        (bool ok, ) = target.call(data);
        require(ok, "failed");
    }

    function branched(bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory result) = target.delegatecall(data);
        if (!ok) revert("failed");
        return result;
    }

    function returned(bytes calldata data) external returns (bool, bytes memory) {
        return target.call(data);
    }

    function assignedLater(bytes calldata data) external returns (bool ok) {
        bool done;
        (done, ) = target.call(data);
        ok = done;
    }

    function namedReturn(bytes calldata data) external returns (bool success) {
        (success, ) = target.call(data);
    }

    bool public lastCallSucceeded;

    function storedInState(bytes calldata data) external {
        (lastCallSucceeded, ) = target.call(data);
    }

    function readInAssembly(bytes calldata data) external {
        (bool ok, ) = target.call(data);
        assembly { // expect: assembly
            if iszero(ok) { revert(0, 0) }
        }
    }
}

// A contract with its own function named `call` is not a low-level call.
contract Dispatcher {
    function call(bytes calldata data) external returns (uint256) {
        return data.length;
    }
}

contract UsesDispatcher {
    Dispatcher public dispatcher;

    function run(bytes calldata data) external {
        dispatcher.call(data); // expect: unused-return
    }
}
