// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// The quick-fix step applies the tx-origin fix on its `require` line through Ctrl+. and checks the saved text.
contract Treasury {
    address public immutable owner = msg.sender;
    uint256 public total;

    function credit(uint256 amount) external {
        require(tx.origin == owner, "not owner"); // expect: tx-origin
        total += amount;
    }
}
