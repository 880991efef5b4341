// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract SilentAdmin {
    address public admin;
    address public guardian;
    uint256 public value;

    event GuardianChanged(address previous, address next);

    modifier onlyAdmin() {
        require(msg.sender == admin, "not admin");
        _;
    }

    constructor() {
        admin = msg.sender;
        guardian = msg.sender;
    }

    function setAdmin(address next) external onlyAdmin {
        admin = next; // expect: missing-events-access-control, missing-zero-check
    }

    function setGuardian(address next) external onlyAdmin {
        emit GuardianChanged(guardian, next);
        guardian = next; // expect: missing-zero-check
    }

    function pause() external view {
        require(msg.sender == guardian, "not guardian");
    }

    function setValue(uint256 v) external onlyAdmin {
        value = v;
    }
}
