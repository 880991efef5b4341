// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract TxOriginWallet {
    address public owner = msg.sender;

    function withdrawAll(address payable to) external {
        require(tx.origin == owner, "not owner"); // expect: tx-origin
        to.transfer(address(this).balance);
    }

    function isOwner() internal view returns (bool) {
        return owner != tx.origin; // expect: tx-origin
    }
}

contract TxOriginLookAlikes {
    address public owner = msg.sender;

    // An EOA check compares tx.origin with msg.sender: not authorisation.
    modifier onlyEOA() {
        require(tx.origin == msg.sender, "contracts not allowed");
        _;
    }

    function withdraw() external onlyEOA {
        require(msg.sender == owner, "not owner");
    }

    // Logging the origin is not a check.
    event Origin(address who);

    function log() external {
        emit Origin(tx.origin);
    }
}
