// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case: whether a base's variable could be immutable depends on the bodies of contracts derived from it:
// emptying `raise` in the derived contract must bring the finding on `limit` back.
contract ImmutableStatesScopeBase {
    uint256 internal limit;
    uint256 internal cap; // expect: immutable-states

    constructor(uint256 limit_, uint256 cap_) {
        limit = limit_;
        cap = cap_;
    }

    function capOf() external view returns (uint256) {
        return cap + limit;
    }
}

contract ImmutableStatesScopeDerived is ImmutableStatesScopeBase {
    constructor() ImmutableStatesScopeBase(10, 20) {}

    // The only write to `limit` outside the base constructor.
    function raise() external {
        limit += 1;
    }
}
