// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28; // expect: floating-pragma

// Scope case for transient-storage-reuse: the flag declared in `LockBase` is cleared only in the derived
// `Lock`, so the finding on the base's variable depends on a body of a contract inheriting from it.

contract LockBase {
    bool internal transient entered;

    function enter() external {
        entered = true;
    }
}

contract Lock is LockBase {
    function leave() external {
        entered = false;
    }
}
