// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// The parser recovers from the stray token: the error is reported where it is and the rest is still analysed.
contract Broken {
    address public target;

    function f() external pure returns (uint256) {
        return 1 2; // expect: syntax-error
    }

    function g(bytes calldata data) external {
        target.call(data); // expect: unchecked-lowlevel
    }
}
