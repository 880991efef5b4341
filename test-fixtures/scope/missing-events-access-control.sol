// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope cases for missing-events-access-control. A derived contract's finding is reported on the write inside
// the base's `_setOwner`, so a finding in `OwnedBase` depends on the bodies of contracts inheriting from it
// (`Registry.transferOwnership`), and even on contracts unrelated to `OwnedBase` that the derived contract also
// inherits (`Announcer.announce`, whose event silences the finding). Nothing narrower than a full run holds.

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

contract Announcer {
    event Announced(address who);

    function announce(address who) internal {
        emit Announced(who);
    }
}

contract Registry is OwnedBase {
    function transferOwnership(address next) external onlyOwner {
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
