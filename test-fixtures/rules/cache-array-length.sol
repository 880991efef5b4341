// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract CacheArrayLength {
    struct Position {
        uint256 amount;
    }

    address[] public holders;
    mapping(address => uint256[]) public deposits;
    Position[] public positions;
    bytes public blob;

    function total() external view returns (uint256 sum) {
        for (uint256 i = 0; i < holders.length; i++) { // expect: cache-array-length
            sum += uint160(holders[i]);
        }
    }

    function sumDeposits(address user) external view returns (uint256 sum) {
        uint256 i;
        while (i < deposits[user].length) { // expect: cache-array-length
            sum += deposits[user][i];
            i++;
        }
    }

    function sumPositions() external view returns (uint256 sum) {
        Position[] storage list = positions;
        for (uint256 i = 0; i < list.length; i++) { // expect: cache-array-length
            sum += list[i].amount;
        }
    }

    function countBytes() external view returns (uint256 n) {
        for (uint256 i = 0; i < blob.length; i++) { // expect: cache-array-length
            if (blob[i] != 0) n++;
        }
    }
}

contract CacheArrayLengthLookAlikes {
    address[] public holders;

    function cached() external view returns (uint256 sum) {
        uint256 n = holders.length;
        for (uint256 i = 0; i < n; i++) sum += uint160(holders[i]);
    }

    function memoryArray(uint256[] memory values) external pure returns (uint256 sum) {
        for (uint256 i = 0; i < values.length; i++) sum += values[i];
    }

    function calldataArray(uint256[] calldata values) external pure returns (uint256 sum) {
        for (uint256 i = 0; i < values.length; i++) sum += values[i];
    }

    // The length changes inside the loop, so it must be re-read.
    function drain() external {
        while (holders.length > 0) holders.pop();
    }

    function dedupe() external {
        for (uint256 i = 0; i < holders.length; i++) {
            if (holders[i] == address(0)) removeAt(i);
        }
    }

    function removeAt(uint256 i) internal {
        holders[i] = holders[holders.length - 1];
        holders.pop();
    }
}
