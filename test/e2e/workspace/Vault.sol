// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// Opened by the diagnostics and hover steps of test/e2e/editor.e2e.test.ts.
contract Vault {
    address public immutable owner = msg.sender;
    uint256 public total;

    function deposit(uint256 amount) external {
        require(tx.origin == owner, "not owner"); // expect: tx-origin
        total += amount;
    }

    function reset() external {
        if (owner != tx.origin) revert("not owner"); // expect: tx-origin
        total = 0;
    }

    // An EOA check, not authorisation: stays silent.
    function onlyPeople() external view returns (bool) {
        return tx.origin == msg.sender;
    }
}
