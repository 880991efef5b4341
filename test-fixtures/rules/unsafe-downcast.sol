// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract PackedStakes {
    mapping(address => uint96) public stakes;
    mapping(address => int64) public deltas;
    uint256 public lastUpdate;

    function stake(uint256 amount) external {
        stakes[msg.sender] = uint96(amount); // expect: unsafe-downcast
    }

    function adjust(int256 delta) external {
        deltas[msg.sender] = int64(delta); // expect: unsafe-downcast
    }

    function stakeScaled(uint256 amount, uint256 factor) external {
        uint256 scaled = amount * factor;
        stakes[msg.sender] = uint96(scaled); // expect: unsafe-downcast
    }
}

contract UnsafeDowncastLookAlikes {
    mapping(address => uint96) public stakes;
    uint32 public lastUpdate;
    mapping(uint256 => address) public owners;

    // Bounded before the conversion.
    function stake(uint256 amount) external {
        require(amount <= type(uint96).max, "too large");
        stakes[msg.sender] = uint96(amount);
    }

    // Timestamps and literals fit.
    function touch() external {
        lastUpdate = uint32(block.timestamp);
        stakes[msg.sender] = uint96(1000);
    }

    // Masking and shifting truncate on purpose.
    function low(uint256 word) external pure returns (uint128, uint128) {
        return (uint128(word & type(uint128).max), uint128(word >> 128));
    }

    // Widening is safe.
    function widen(uint64 small) external pure returns (uint256) {
        return uint256(small);
    }

    // Address from a word.
    function record(uint256 id, bytes32 word) external {
        owners[id] = address(uint160(uint256(word)));
    }

    // Internal helpers narrow values their contract bounds.
    function _pack(uint256 value) internal pure returns (uint96) {
        return uint96(value);
    }

    function packOne() external pure returns (uint96) {
        return _pack(1);
    }
}
