// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract DepositOnly { // expect: locked-ether
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }
}

contract Tipping { // expect: locked-ether
    event Tipped(address from, uint256 amount);

    receive() external payable {
        emit Tipped(msg.sender, msg.value);
    }
}

library Address {
    function sendValue(address payable recipient, uint256 amount) internal {
        (bool ok, ) = recipient.call{value: amount}("");
        require(ok, "send failed");
    }
}

contract LockedEtherLookAlikes {
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = deposits[msg.sender];
        deposits[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send failed");
    }
}

contract PaysThroughLibrary {
    using Address for address payable;
    mapping(address => uint256) public deposits;

    receive() external payable {
        deposits[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = deposits[msg.sender];
        deposits[msg.sender] = 0;
        payable(msg.sender).sendValue(amount);
    }
}

// A base that only receives: its child withdraws.
contract ReceivingBase {
    receive() external payable {}
}

contract WithdrawingChild is ReceivingBase {
    mapping(address => uint256) public owed;

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send failed");
    }
}

// A payable constructor alone is a gas optimisation, not an ETH sink.
contract CheapDeploy {
    uint256 public immutable createdAt;

    constructor() payable {
        createdAt = block.number;
    }
}
