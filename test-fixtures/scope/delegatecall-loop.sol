// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for delegatecall-loop: the delegatecall sits in the internal helper `_run` that the payable loop
// calls, so the finding in `batch` depends on that helper's body (emptying it removes the delegatecall).

contract BatchThroughHelper {
    address public immutable implementation;

    constructor(address implementation_) {
        implementation = implementation_;
    }

    function batch(bytes[] calldata calls) external payable {
        for (uint256 i = 0; i < calls.length; i++) {
            _run(calls[i]); // expect: delegatecall-loop
        }
    }

    function _run(bytes calldata data) internal {
        (bool ok, ) = implementation.delegatecall(data);
        require(ok, "failed");
    }
}
