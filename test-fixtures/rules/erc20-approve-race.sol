// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract CustomToken {
    mapping(address => mapping(address => uint256)) public allowed;

    event Approval(address indexed owner, address indexed spender, uint256 value);

    function approve(address spender, uint256 value) external returns (bool) {
        allowed[msg.sender][spender] = value; // expect: erc20-approve-race
        emit Approval(msg.sender, spender, value);
        return true;
    }
}

contract SafeApproveToken {
    mapping(address => mapping(address => uint256)) public allowed;

    // Changing between two non-zero values is refused.
    function approve(address spender, uint256 value) external returns (bool) {
        require(value == 0 || allowed[msg.sender][spender] == 0, "reset to zero first");
        allowed[msg.sender][spender] = value;
        return true;
    }
}

contract DelegatingToken {
    mapping(address => mapping(address => uint256)) private _allowances;

    // The OpenZeppelin shape: the standard behaviour, not reported.
    function approve(address spender, uint256 value) external returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }

    function _approve(address owner, address spender, uint256 value) internal {
        _allowances[owner][spender] = value;
    }
}
