// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// A missing expression used to crash the parser's tree builder; the line is reported and the rest analysed.
contract MissingExpression {
    address public target;

    function f() external pure returns (uint256) {
        uint256 x = ; // expect: syntax-error
        return 1;
    }

    function g(bytes calldata data) external {
        target.call(data); // expect: unchecked-lowlevel
    }
}
