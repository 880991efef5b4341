// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20Permit {
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function allowance(address owner, address spender) external view returns (uint256);
}

interface IDai {
    function permit(address holder, address spender, uint256 nonce, uint256 expiry, bool allowed, uint8 v, bytes32 r, bytes32 s) external;
}

interface IPermit2Like {
    function permit(address owner, bytes calldata data) external;
}

contract Vault {
    IERC20Permit public immutable token;
    IDai public immutable dai;
    IPermit2Like public immutable permit2;
    mapping(address => uint256) public deposits;

    constructor(IERC20Permit token_, IDai dai_, IPermit2Like permit2_) {
        token = token_;
        dai = dai_;
        permit2 = permit2_;
    }

    function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        token.permit(msg.sender, address(this), amount, deadline, v, r, s); // expect: permit-frontrun-dos
        require(token.transferFrom(msg.sender, address(this), amount), "transfer failed"); // expect: fee-on-transfer
        deposits[msg.sender] += amount;
    }

    function depositDai(uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) external {
        dai.permit(msg.sender, address(this), nonce, expiry, true, v, r, s); // expect: permit-frontrun-dos
    }

    // Safe: a front-run permit lands in the catch block and the transfer still succeeds.
    function depositWithPermitTry(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        try token.permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        require(token.transferFrom(msg.sender, address(this), amount), "transfer failed"); // expect: fee-on-transfer
        deposits[msg.sender] += amount;
    }

    // Safe: permit is skipped when the allowance is already there.
    function depositWithPermitCheck(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        if (token.allowance(msg.sender, address(this)) < amount) {
            token.permit(msg.sender, address(this), amount, deadline, v, r, s);
        }
        require(token.transferFrom(msg.sender, address(this), amount), "transfer failed"); // expect: fee-on-transfer
        deposits[msg.sender] += amount;
    }

    // Safe: not an ERC-2612 permit.
    function permitBatch(bytes calldata data) external {
        permit2.permit(msg.sender, data);
    }
}

contract TokenWithPermit {
    mapping(address => mapping(address => uint256)) public allowances;

    // Safe: the token's own permit definition is not a call.
    function permit(address owner, address spender, uint256 value, uint256, uint8, bytes32, bytes32) external {
        allowances[owner][spender] = value;
    }
}
