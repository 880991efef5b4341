// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract PaysWithStipend {
    address payable public treasury;
    mapping(address => uint256) public owed;

    function payTreasury(uint256 amount) external {
        treasury.transfer(amount); // expect: transfer-gas-stipend
    }

    function payCaller() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        payable(msg.sender).transfer(amount); // expect: transfer-gas-stipend
    }

    function trySend(address payable to) external returns (bool) {
        return to.send(1 ether); // expect: transfer-gas-stipend, arbitrary-send-eth, missing-zero-check
    }
}

interface IERC20Like {
    function transfer(address to, uint256 amount) external returns (bool);
}

contract TransferLookAlikes {
    IERC20Like public token;
    address payable public treasury;

    // A token transfer takes two arguments and moves tokens, not ETH.
    function payToken(address to) external {
        require(token.transfer(to, 1), "token transfer failed");
    }

    function payWithCall(uint256 amount) external {
        (bool success, ) = treasury.call{value: amount}("");
        require(success, "ETH transfer failed");
    }
}
