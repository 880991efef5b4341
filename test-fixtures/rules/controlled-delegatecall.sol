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
