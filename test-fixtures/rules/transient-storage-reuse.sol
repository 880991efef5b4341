// SPDX-License-Identifier: MIT
pragma solidity 0.8.34;

interface ICallback {
    function onSwap(uint256 amount) external;
}

contract TransientRouter {
    address transient payer; // expect: transient-storage-reuse
    bool transient locked;
    uint256 transient pending;
    uint256 transient slotManaged;

    function swap(ICallback target, uint256 amount) external {
        require(!locked, "locked");
        locked = true;
        payer = msg.sender;
        pending = amount;
        target.onSwap(amount);
        delete pending;
        locked = false;
    }

    function payerOf() external view returns (address) {
        return payer;
    }

    function useSlot() external returns (uint256 v) {
        slotManaged = 1;
        assembly { // expect: assembly
            v := tload(slotManaged.slot)
            tstore(slotManaged.slot, 0)
        }
    }
}
