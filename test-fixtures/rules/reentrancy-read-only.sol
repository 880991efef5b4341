// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

interface IRegistry {
    function register(address pool) external;
    function lookup(bytes32 key) external view returns (address);
}

interface ISettlement {
    function settle(uint256 amount) external;
}

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

// Look-alikes: `initializer` is not a reentrancy guard (it runs once, for the deployer), and a call to a
// contract the pool stores or looks up in its own registry is not a callee that prices the pool.
contract PoolDeployment is Initializable, ReentrancyGuard {
    IRegistry public registry;
    uint256 public totalSupply;
    mapping(bytes32 => address) private settlements;

    constructor() {
        _disableInitializers();
    }

    function initialize(IRegistry registry_) external initializer {
        registry_.register(address(this));
        registry = registry_;
    }

    function _settlement() internal view returns (ISettlement) {
        return ISettlement(settlements[keccak256("settlement")]);
    }

    function burn(uint256 amount) external nonReentrant {
        ISettlement settlement = _settlement();
        settlement.settle(amount);
        totalSupply -= amount;
    }
}
