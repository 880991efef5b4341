// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// Scope case for the reachable scope across files: `batch` reaches `_run` only through `_loop` in the imported
// base. Emptying `_run` must re-run `batch`, so callers are followed through every file of the project.

import {LoopBase} from "./Base.sol";

contract Batch is LoopBase {
    address public immutable implementation;

    constructor(address implementation_) {
        implementation = implementation_;
    }

    function batch(bytes[] calldata calls) external payable {
        _loop(calls); // expect: delegatecall-loop
    }

    function _run(bytes calldata data) internal override {
        _exec(data);
    }

    function _exec(bytes calldata data) internal {
        (bool ok, ) = implementation.delegatecall(data);
        require(ok, "failed");
    }
}
