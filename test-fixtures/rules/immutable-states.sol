// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IToken {
    function balanceOf(address) external view returns (uint256);
}

contract ImmutableStates {
    address public owner; // expect: immutable-states
    IToken public token; // expect: immutable-states
    uint256 public createdAt = block.timestamp; // expect: immutable-states
    uint256 public decimals; // expect: immutable-states

    constructor(IToken token_, uint8 decimals_) {
        owner = msg.sender;
        token = token_;
        if (decimals_ > 18) decimals = 18;
        else decimals = decimals_;
    }

    function balance() external view returns (uint256) {
        return token.balanceOf(owner) + createdAt + decimals;
    }
}

contract ImmutableLookAlikes {
    address public admin;
    address public pendingAdmin;
    uint256 public deployedBlock;
    uint256 public literal = 5; // expect: constable-states
    string public label;
    uint256[] public values;
    address public setByChild;

    constructor(string memory label_) {
        admin = msg.sender;
        label = label_;
        values.push(1);
    }

    function transferAdmin(address next) external {
        require(msg.sender == admin, "not admin");
        pendingAdmin = next;
        admin = next; // expect: missing-events-access-control, missing-zero-check
    }

    function touch() external {
        deployedBlock = block.number;
    }

    function read() external view returns (uint256) {
        return literal + deployedBlock;
    }
}

contract ImmutableChild is ImmutableLookAlikes {
    constructor() ImmutableLookAlikes("child") {
        setByChild = msg.sender;
    }
}
