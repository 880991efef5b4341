// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

contract Router {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    address public immutable owner = msg.sender;
    mapping(address => uint256) public credit;
    mapping(address => mapping(address => uint256)) public allowed;

    constructor(IERC20 t) {
        token = t;
    }

    function depositFor(address from, address to, uint256 amount) external {
        token.transferFrom(from, address(this), amount); // expect: arbitrary-send-erc20, unchecked-transfer, fee-on-transfer
        credit[to] += amount;
    }

    function safeDepositFor(address from, uint256 amount) external {
        token.safeTransferFrom(from, address(this), amount); // expect: arbitrary-send-erc20, fee-on-transfer
        credit[msg.sender] += amount;
    }

    function libraryDepositFor(address from, uint256 amount) external {
        SafeERC20.safeTransferFrom(token, from, address(this), amount); // expect: arbitrary-send-erc20, fee-on-transfer
        credit[msg.sender] += amount;
    }

    // Pulling from the caller.
    function deposit(uint256 amount) external {
        token.safeTransferFrom(msg.sender, address(this), amount); // expect: fee-on-transfer
        credit[msg.sender] += amount;
    }

    // The owner of the tokens signed a permit.
    function depositWithPermit(address from, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        IERC20Permit(address(token)).permit(from, address(this), amount, deadline, v, r, s); // expect: permit-frontrun-dos
        token.safeTransferFrom(from, address(this), amount); // expect: fee-on-transfer
        credit[from] += amount;
    }

    // The caller must hold an allowance from `from` in this contract's own ledger.
    function depositOnBehalf(address from, uint256 amount) external {
        allowed[from][msg.sender] -= amount;
        token.safeTransferFrom(from, address(this), amount); // expect: fee-on-transfer
        credit[from] += amount;
    }

    // Only the owner may sweep approved tokens.
    function sweep(address from, uint256 amount) external {
        require(msg.sender == owner, "not owner");
        token.safeTransferFrom(from, owner, amount);
    }
}
