// SPDX-License-Identifier: MIT
// A dependency under Foundry's default lib/: analysed when imported, never reported, so it carries no
// expectations even though tx.origin below would be flagged in the project's own code.
pragma solidity 0.8.24;

library DepMath {
    function sum(uint256 a, uint256 b) internal pure returns (uint256) {
        return a + b;
    }

    function onlyOrigin(address owner) internal view {
        require(tx.origin == owner, "not owner");
    }
}
