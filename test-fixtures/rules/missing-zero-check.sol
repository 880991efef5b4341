// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Settings {
    address public owner;
    address public treasury;
    address public feeCollector;
    mapping(address => bool) public allowed;

    error ZeroAddress();
    event OwnerSet(address owner);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    modifier nonZero(address a) {
        require(a != address(0), "zero");
        _;
    }

    function setTreasury(address newTreasury) external onlyOwner {
        treasury = newTreasury; // expect: missing-zero-check
    }

    function payOut(address payable to) external onlyOwner {
        to.transfer(1 ether); // expect: missing-zero-check, transfer-gas-stipend
    }

    // Checked with require.
    function setOwner(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero");
        owner = newOwner;
        emit OwnerSet(newOwner);
    }

    // Checked with a custom error.
    function setFeeCollector(address collector) external onlyOwner {
        if (collector == address(0)) revert ZeroAddress();
        feeCollector = collector;
    }

    // Checked by a modifier that receives the parameter.
    function setTreasuryChecked(address newTreasury) external onlyOwner nonZero(newTreasury) {
        treasury = newTreasury;
    }

    // Handed to a helper that may validate it.
    function setTreasuryViaHelper(address newTreasury) external onlyOwner {
        _setTreasury(newTreasury);
    }

    function _setTreasury(address newTreasury) internal {
        require(newTreasury != address(0), "zero");
        treasury = newTreasury;
    }

    function refund(address payable to, uint256 amount) external onlyOwner {
        (bool ok, ) = to.call{value: amount}(""); // expect: missing-zero-check
        require(ok, "failed");
    }

    // A relay with caller-supplied calldata is not a payment.
    function relay(address target, uint256 value, bytes calldata data) external onlyOwner {
        (bool ok, ) = target.call{value: value}(data);
        require(ok, "failed");
    }

    // Zero cancels a pending transfer.
    address public pendingOwner;

    function transferOwnership(address newOwner) external onlyOwner {
        pendingOwner = newOwner;
    }

    // Two parameters, two findings: each fix inserts its own check.
    function setBoth(address newTreasury, address newCollector) external onlyOwner {
        treasury = newTreasury; // expect: missing-zero-check
        feeCollector = newCollector; // expect: missing-zero-check
    }

    // A mapping key is not a stored address value.
    function allow(address who) external onlyOwner {
        allowed[who] = true;
    }
}
