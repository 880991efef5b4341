// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

library LowLevel {
    function callTarget(address target, bytes memory data) internal returns (bytes memory) {
        return callTargetWithValue(target, data, 0);
    }

    function callTargetWithValue(address target, bytes memory data, uint256 value) internal returns (bytes memory) {
        (bool ok, bytes memory result) = target.call{value: value}(data);
        require(ok, "call failed");
        return result;
    }
}

contract Payouts is Ownable {
    mapping(address => uint256) public owed;
    mapping(bytes32 => bool) public approved;

    constructor() Ownable(msg.sender) {}

    receive() external payable {}

    function payout(address payable to, uint256 amount) external {
        (bool ok, ) = to.call{value: amount}(""); // expect: arbitrary-send-eth, missing-zero-check
        require(ok, "failed");
    }

    function payoutViaLibrary(address payable to, uint256 amount) external {
        Address.sendValue(to, amount); // expect: arbitrary-send-eth
    }

    function payoutTransfer(address to) external {
        payable(to).transfer(address(this).balance); // expect: arbitrary-send-eth, transfer-gas-stipend, missing-zero-check
    }

    // Restricted by an inherited OpenZeppelin modifier.
    function ownerPayout(address payable to, uint256 amount) external onlyOwner {
        Address.sendValue(to, amount);
    }

    // Restricted in the body.
    function adminPayout(address payable to, uint256 amount) external {
        require(msg.sender == owner(), "not owner");
        (bool ok, ) = to.call{value: amount}(""); // expect: missing-zero-check
        require(ok, "failed");
    }

    // Paying the caller what it is owed.
    function claim() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        Address.sendValue(payable(msg.sender), amount);
    }

    // Forwarding the caller's own ETH.
    function forward(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}(""); // expect: missing-zero-check
        require(ok, "failed");
    }

    // The destination must match an approved operation hash.
    function executeApproved(address payable to, uint256 amount) external {
        require(approved[keccak256(abi.encode(to, amount))], "not approved");
        Address.sendValue(to, amount);
    }

    // A zero passed down through a library helper: the call sends no ETH.
    function poke(address target, bytes calldata data) external {
        LowLevel.callTarget(target, data);
    }

    // A caller-chosen amount through the same helper is the contract's ETH.
    function pokeWithValue(address target, bytes calldata data, uint256 amount) external {
        LowLevel.callTargetWithValue(target, data, amount); // expect: arbitrary-send-eth
    }

    // Assembly forwarding of `callvalue()`: the caller's own deposit.
    function forwardInAssembly(address to) external payable {
        assembly { // expect: assembly
            if iszero(call(gas(), to, callvalue(), 0, 0, 0, 0)) { revert(0, 0) }
        }
    }

    // Refunding what the caller over-paid: at most their own `msg.value`.
    function payFee(address payable refundTo, uint256 fee) external payable {
        require(msg.value >= fee, "fee");
        uint256 supplied = msg.value;
        _refund(refundTo, supplied, fee);
    }

    function _refund(address payable to, uint256 supplied, uint256 required) internal {
        if (required < supplied) {
            unchecked {
                Address.sendValue(to, supplied - required);
            }
        }
    }

    // Splitting the caller's deposit: every amount is taken from a budget that starts at `msg.value`.
    function split(address payable[] calldata receivers, uint256[] calldata amounts) external payable {
        uint256 remaining = msg.value;
        for (uint256 i = 0; i < receivers.length; ++i) {
            remaining -= amounts[i];
            (bool ok, ) = receivers[i].call{value: amounts[i]}("");
            require(ok, "failed");
        }
    }

    // The same split from the contract's own balance pays out the contract's ETH.
    function splitBalance(address payable[] calldata receivers, uint256[] calldata amounts) external {
        uint256 remaining = address(this).balance;
        for (uint256 i = 0; i < receivers.length; ++i) {
            remaining -= amounts[i];
            (bool ok, ) = receivers[i].call{value: amounts[i]}(""); // expect: arbitrary-send-eth
            require(ok, "failed");
        }
    }

    // The helper's own modifier restricts who may act for `account`: the account itself or its approved relayer.
    mapping(address => mapping(address => bool)) public relayers;

    modifier actingFor(address account) {
        if (msg.sender != account) {
            require(relayers[account][msg.sender], "not a relayer");
        }
        _;
    }

    function withdrawFor(address account, address payable to, uint256 amount) external {
        _withdraw(account, to, amount);
    }

    function _withdraw(address account, address payable to, uint256 amount) private actingFor(account) {
        owed[account] -= amount;
        Address.sendValue(to, amount);
    }

    // Allow-listed destinations: the caller only picks among addresses the owner configured.
    struct Watched {
        bool active;
        uint96 minBalance;
        uint96 topUpAmount;
    }

    mapping(address => Watched) public watched;
    mapping(address => bool) public payees;
    mapping(address => bool) public blocked;

    function topUp(address[] calldata accounts) external {
        Watched memory entry;
        for (uint256 i = 0; i < accounts.length; i++) {
            entry = watched[accounts[i]];
            if (entry.active && accounts[i].balance < entry.minBalance) {
                bool sent = payable(accounts[i]).send(entry.topUpAmount); // expect: transfer-gas-stipend
                if (!sent) break;
            }
        }
    }

    function payPayee(address payable to) external {
        require(payees[to], "unknown payee");
        Address.sendValue(to, 1 ether);
    }

    // A deny-list leaves every other address open.
    function payUnblocked(address payable to) external {
        require(!blocked[to], "blocked");
        Address.sendValue(to, 1 ether); // expect: arbitrary-send-eth
    }

    // Paid from the caller's own balance: anyone may send what they hold wherever they like.
    mapping(address => uint256) public deposits;
    mapping(address => uint256) public debt;

    function withdrawTo(address payable to, uint256 amount) external {
        deposits[msg.sender] -= amount;
        Address.sendValue(to, amount);
    }

    // Flash-accounting style: the amount becomes the caller's debt, settled before the operation ends.
    function take(address payable to, uint256 amount) external {
        _accountDebt(msg.sender, amount);
        Address.sendValue(to, amount);
    }

    function _accountDebt(address account, uint256 amount) internal {
        debt[account] += amount;
    }

    // Charging someone else's balance is no charge to the caller.
    function withdrawFrom(address from, address payable to, uint256 amount) external {
        deposits[from] -= amount;
        Address.sendValue(to, amount); // expect: arbitrary-send-eth
    }

    // One send reached from two call sites of a helper is one finding, at the first site.
    function fundTwice(address payable account) external {
        _fund(account, 1 ether); // expect: arbitrary-send-eth
        _fund(account, 2 ether);
    }

    function _fund(address payable account, uint256 amount) internal {
        Address.sendValue(account, amount);
    }
}

// Code meant to run only by delegatecall from a wallet: called directly it reverts, so the ETH it moves is the
// delegating wallet's, sent on the wallet's own decision.
contract DelegatedPayer {
    address private immutable self;

    constructor() {
        self = address(this);
    }

    modifier onlyDelegateCall() {
        require(address(this) != self, "direct call");
        _;
    }

    function pay(address payable to, uint256 amount) external onlyDelegateCall {
        (bool ok, ) = to.call{value: amount}(""); // expect: missing-zero-check
        require(ok, "failed");
    }
}

library RevertWith {
    function revertWith(bytes4 selector) internal pure {
        assembly { // expect: assembly
            mstore(0, selector)
            revert(0, 4)
        }
    }
}

// The caller check reverts through a library helper rather than a `revert` statement.
contract FeeCollector {
    using RevertWith for bytes4;

    error NotCollector();

    address public immutable collector;
    mapping(address => uint256) public accrued;

    constructor(address collector_) {
        collector = collector_;
    }

    function collect(address payable recipient, uint256 amount) external {
        if (msg.sender != collector) NotCollector.selector.revertWith();
        accrued[address(0)] -= amount;
        Address.sendValue(recipient, amount);
    }
}
