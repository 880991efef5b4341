// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope cases for missing-events-access-control. The finding of a derived contract's function that writes
// through a base helper is anchored in that function, not on the write inside the base: were it on the write,
// a finding in `OwnedBase` would depend on every contract inheriting it (`Registry.transferOwnership`) and on
// their other bases (`Announcer.announce`, whose event silences it). Anchored so, contract scope holds.

contract OwnedBase {
    address internal owner = msg.sender;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function _setOwner(address next) internal {
        owner = next;
    }
}

contract Announcer {
    event Announced(address who);

    function announce(address who) internal {
        emit Announced(who);
    }
}

contract Registry is OwnedBase {
    function transferOwnership(address next) external onlyOwner { // expect: missing-events-access-control
        require(next != address(0), "zero owner");
        _setOwner(next);
    }
}

contract AnnouncedRegistry is OwnedBase, Announcer {
    function transferOwnership(address next) external onlyOwner {
        require(next != address(0), "zero owner");
        _setOwner(next);
        announce(next);
    }
}
