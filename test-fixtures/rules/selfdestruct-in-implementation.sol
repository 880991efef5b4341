// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

contract WalletLibrary is Initializable {
    address public owner;

    constructor() {
        _disableInitializers();
    }

    function initialize(address owner_) external initializer {
        require(owner_ != address(0), "zero");
        owner = owner_;
    }

    function destroy() external {
        require(msg.sender == owner, "not owner");
        selfdestruct(payable(owner)); // expect: selfdestruct-in-implementation
    }
}

// Not upgradeable: selfdestruct here is suicidal's business (and this one is guarded).
contract PlainKillable {
    address public immutable owner = msg.sender;

    function destroy() external {
        require(msg.sender == owner, "not owner");
        selfdestruct(payable(owner));
    }
}
