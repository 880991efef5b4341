// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract BooleanEquality {
    bool public paused;
    mapping(address => bool) public blocked;

    function check(address user, uint256 a, uint256 b) external view returns (bool) {
        require(paused == false, "paused"); // expect: boolean-equality
        require(blocked[user] != true, "blocked"); // expect: boolean-equality
        if (true == paused) return false; // expect: boolean-equality
        return (a < b) == true; // expect: boolean-equality
    }

    function lowPrecedence(bool x, bool y) external pure returns (bool) {
        return (x && y) != true; // expect: boolean-equality
    }
}

contract BooleanLookAlikes {
    bool public paused;

    function check(bool expected) external view returns (bool) {
        require(!paused, "paused");
        return paused == expected;
    }
}
