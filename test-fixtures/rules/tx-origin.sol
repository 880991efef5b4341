// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract TxOriginWallet {
    address public immutable owner = msg.sender;

    function withdrawAll(address payable to) external {
        require(tx.origin == owner, "not owner"); // expect: tx-origin
        require(to != address(0), "zero");
        (bool ok, ) = to.call{value: address(this).balance}("");
        require(ok, "send failed");
    }

    function rescue() external view returns (bool) {
        return isNotOwner();
    }

    function isNotOwner() internal view returns (bool) {
        return owner != tx.origin; // expect: tx-origin
    }
}

contract TxOriginLookAlikes {
    address public immutable owner = msg.sender;
    uint256 public calls;

    // An EOA check compares tx.origin with msg.sender: not authorisation.
    modifier onlyEOA() {
        require(tx.origin == msg.sender, "contracts not allowed");
        _;
    }

    function withdraw() external onlyEOA {
        require(msg.sender == owner, "not owner");
        calls += 1;
    }

    // Logging the origin is not a check.
    event Origin(address who);

    function log() external {
        emit Origin(tx.origin);
    }
}

// A gate for off-chain simulation: only `eth_call` (origin zero) or the simulator's address may run `check`.
contract SimulationOnly {
    address internal constant SIMULATOR = address(0x1111111111111111111111111111111111111111);
    uint256 public lastChecked;

    modifier onlySimulated() {
        if (tx.origin != address(0) && tx.origin != SIMULATOR) revert("simulation only");
        _;
    }

    function check() external onlySimulated returns (bool) {
        lastChecked = block.number;
        return true;
    }

    // The simulator's address alone is still an origin check a phished transaction passes.
    function checkBySimulator() external returns (bool) {
        if (tx.origin != SIMULATOR) revert("simulator only"); // expect: tx-origin
        lastChecked = block.number;
        return true;
    }
}
