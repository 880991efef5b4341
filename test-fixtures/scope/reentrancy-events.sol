// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for reentrancy-events: the external call to the caller-chosen address sits in the internal helper
// `_ping`, so the finding in `ping` depends on that helper's body (emptying it removes the call).

interface IHook {
    function onPing() external;
}

contract Notifier {
    event Pinged(address indexed hook);

    function ping(address hook) external {
        _ping(hook); // expect: reentrancy-events
        emit Pinged(hook);
    }

    function _ping(address hook) internal {
        IHook(hook).onPing();
    }
}
