// SPDX-License-Identifier: MIT
// Production code in a folder named lib/ under src/: a folder scan must report it.
pragma solidity 0.8.24;

library OwnerAuth {
    function checkOwner(address owner) internal view {
        require(tx.origin == owner, "not owner"); // expect: tx-origin
    }

    function checkCaller(address owner) internal view {
        require(msg.sender == owner, "not owner");
    }
}
