// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Killable {
    address public immutable owner = msg.sender;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function kill(address payable to) external {
        selfdestruct(to); // expect: suicidal
    }

    function shutdown() external {
        _destroy(); // expect: suicidal
    }

    function _destroy() internal {
        selfdestruct(payable(owner));
    }

    // Guarded by a modifier.
    function ownerKill() external onlyOwner {
        selfdestruct(payable(owner));
    }

    // Guarded in the body.
    function ownerShutdown() external {
        if (msg.sender != owner) revert("not owner");
        _destroy();
    }
}
