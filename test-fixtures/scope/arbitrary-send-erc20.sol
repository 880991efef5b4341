// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for arbitrary-send-erc20: whether `pull` is access controlled is decided in the body of the
// internal helper `_gate` it calls, so emptying `_gate` must change the finding in `pull`.

interface IToken {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract GatedPuller {
    IToken public token;
    address public keeper;

    function pull(address from, uint256 amount) external {
        _gate();
        require(token.transferFrom(from, address(this), amount), "pull failed");
    }

    function _gate() internal view {
        require(msg.sender == keeper, "not keeper");
    }
}
