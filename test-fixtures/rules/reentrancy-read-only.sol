// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

contract Pool is ReentrancyGuard {
    mapping(address => uint256) public shares;
    uint256 private totalShares;
    uint256 public totalSupply;

    function deposit() external payable nonReentrant {
        shares[msg.sender] += msg.value;
        totalShares += msg.value;
        totalSupply += msg.value;
    }

    // Guarded, but ETH leaves before the supply shrinks.
    function withdraw(uint256 amount) external nonReentrant {
        shares[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-read-only
        require(ok, "failed");
        totalShares -= amount;
    }

    // A public variable updated after the call is readable by anyone during it.
    function redeem(uint256 amount) external nonReentrant {
        shares[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-read-only
        require(ok, "failed");
        totalSupply -= amount;
    }

    // Everything is updated before the call.
    function withdrawSafely(uint256 amount) external nonReentrant {
        shares[msg.sender] -= amount;
        totalShares -= amount;
        totalSupply -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
    }

    function pricePerShare() external view returns (uint256) {
        return totalShares == 0 ? 1e18 : (address(this).balance * 1e18) / totalShares;
    }
}
