// SPDX-License-Identifier: MIT
// Uses both the project's own src/lib/ and the dependency in lib/ (through Foundry's lib/<name>/src remapping).
pragma solidity 0.8.24;

import {OwnerAuth} from "./lib/OwnerAuth.sol";
import {DepMath} from "dep/DepMath.sol";

contract Treasury {
    address public immutable owner = msg.sender;
    uint256 public total;

    function add(uint256 amount) external {
        OwnerAuth.checkCaller(owner);
        total = DepMath.sum(total, amount);
    }
}
