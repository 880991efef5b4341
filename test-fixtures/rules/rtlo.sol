// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// A fee split whose arguments read in the reverse order in review (SWC-130).
contract GuessTheNumber {
    uint256 private secret;

    function _payout(address to, uint256 amount, uint256 fee) internal {}

    function guess(uint256 n) external {
        if (n == secret) _payout(msg.sender, /*‮/*ruseFeeAmount, owner*/ 1, 2); // expect: rtlo
    }

    // The displayed text "‮esrever" uses an override inside a string. // expect: rtlo
    string public constant LABEL = "plain text: no control characters, arrows -> <- and é are fine";
}
