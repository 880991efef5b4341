// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for missing-events-access-control: the finding for `Registry.transferOwnership` is reported on the
// write inside the base's `_setOwner`, so a finding in `OwnedBase` depends on the body of a derived contract.

contract OwnedBase {
    address internal owner = msg.sender;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function _setOwner(address next) internal {
        owner = next; // expect: missing-events-access-control
    }
}

contract Registry is OwnedBase {
    function transferOwnership(address next) external onlyOwner {
        require(next != address(0), "zero owner");
        _setOwner(next);
    }
}
