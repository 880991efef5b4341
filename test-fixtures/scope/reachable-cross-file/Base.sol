// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// The imported base of Derived.sol: its loop calls the `_run` that Derived.sol overrides.

abstract contract LoopBase {
    function _loop(bytes[] calldata calls) internal {
        for (uint256 i = 0; i < calls.length; i++) {
            _run(calls[i]);
        }
    }

    function _run(bytes calldata data) internal virtual;
}
