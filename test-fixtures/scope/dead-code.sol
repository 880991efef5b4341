// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for dead-code: `_bump` in `Base` is used only by the derived `Child`, so whether it is dead depends
// on a body in a contract inheriting from its own (emptying `Child.bump` leaves `_bump` unused).

contract Base {
    uint256 public count;

    function _bump() internal {
        count += 1;
    }
}

contract Child is Base {
    function bump() external {
        _bump();
    }
}
