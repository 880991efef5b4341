// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract ShadowingBuiltin {
    address public owner = msg.sender; // expect: immutable-states
    uint256 public total;

    event require(address who); // expect: shadowing-builtin

    function assert(bool ok) internal pure { // expect: shadowing-builtin
        ok;
    }

    function withdraw(uint256 keccak256) external { // expect: shadowing-builtin
        assert(msg.sender == owner);
        uint256 gasleft = keccak256 * 2; // expect: shadowing-builtin
        total = gasleft;
    }
}

contract ShadowingLookAlikes {
    uint256 public total;

    // `now` stopped being a builtin in 0.7.0, so the name is free in 0.8 code.
    function record(uint256 now) external {
        total = now;
    }

    function hashIt(bytes memory data) external pure returns (bytes32) {
        return keccak256(data);
    }
}
