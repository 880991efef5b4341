// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// A packed position word whose library is attached globally here, next to its type: importers use
// `PositionSlot.wrap(x).withSize(s)` without a `using` line of their own.
type PositionSlot is bytes32;

using PositionSlotLibrary for PositionSlot global;

library PositionSlotLibrary {
    function size(PositionSlot slot) internal pure returns (uint128) {
        return uint128(uint256(PositionSlot.unwrap(slot)));
    }

    function withSize(PositionSlot slot, uint128 newSize) internal pure returns (PositionSlot) {
        return PositionSlot.wrap((PositionSlot.unwrap(slot) & ~bytes32(uint256(type(uint128).max))) | bytes32(uint256(newSize)));
    }
}

// A hook interface and a library of the same function names: the library wrapper takes one argument fewer
// (no sender) and only calls the hook when its address opts in.
interface IPositionHook {
    function beforeResize(address sender, uint128 newSize) external;
}

library PositionHooks {
    function beforeResize(IPositionHook self, uint128 newSize) internal {
        if (uint160(address(self)) & 1 == 0) return;
        self.beforeResize(msg.sender, newSize);
    }
}
