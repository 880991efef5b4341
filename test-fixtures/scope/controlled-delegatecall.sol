// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for controlled-delegatecall: the delegatecall sits in the internal helper `_run`, reached from
// `execute` with the caller's argument, so emptying `_run` must change the finding in `execute`.

contract HelperDelegator {
    function execute(address target, bytes calldata data) external {
        _run(target, data); // expect: controlled-delegatecall
    }

    function _run(address target, bytes calldata data) internal {
        (bool ok, ) = target.delegatecall(data);
        require(ok, "failed");
    }
}
