// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Lottery { // expect: locked-ether
    address[] public players;
    address public winner;

    function enter() external payable {
        players.push(msg.sender);
    }

    function pickWinner() external {
        uint256 index = uint256(keccak256(abi.encodePacked(block.prevrandao, block.timestamp, players.length))) % players.length; // expect: weak-prng
        winner = players[index];
    }

    function pickAcrossStatements() external {
        bytes32 seed = keccak256(abi.encodePacked(block.timestamp, msg.sender));
        uint256 roll = uint256(seed);
        winner = players[roll % players.length]; // expect: weak-prng
    }

    function coinFlip() external view returns (bool) {
        return block.timestamp % 2 == 0; // expect: weak-prng
    }

    function lastHash() external view returns (bool) {
        return uint256(blockhash(block.number - 1)) > 2 ** 255; // expect: weak-prng
    }

    function random() public view returns (uint256) {
        return uint256(keccak256(abi.encodePacked(block.prevrandao, players))); // expect: weak-prng
    }

    function rawRandao() external view returns (uint256) {
        return block.prevrandao; // expect: weak-prng
    }
}

contract LegacyDice {
    function roll() external view returns (uint8) {
        return uint8(uint256(keccak256(abi.encodePacked(block.difficulty, block.number))) % 6); // expect: weak-prng
    }
}

contract WeakPrngLookAlikes {
    uint256 public deadline;
    mapping(bytes32 => bool) public seen;
    uint256 public constant EPOCH_LENGTH = 7 days;

    // Timestamps as deadlines are not randomness.
    function open() external {
        deadline = block.timestamp + 3 days;
    }

    // Calendar arithmetic aligns time to a period.
    function dayStart() external view returns (uint256) {
        return block.timestamp - (block.timestamp % 1 days);
    }

    function epochOffset() external view returns (uint256) {
        return block.timestamp % EPOCH_LENGTH;
    }

    function hourOffset() external view returns (uint256) {
        return block.timestamp % 3600;
    }

    // A hash of timestamp and sender used as an identifier is not drawn as a random number.
    function requestId() external returns (bytes32 id) {
        id = keccak256(abi.encodePacked(msg.sender, block.timestamp));
        seen[id] = true;
    }

    // Modulo of user input is ordinary arithmetic.
    function bucket(uint256 value, uint256 buckets) external pure returns (uint256) {
        return value % buckets;
    }

    // A local named `now` shadows nothing from the block.
    function shadowNow(uint256 now_) external pure returns (uint256) {
        uint256 current = now_;
        return current % 7;
    }
}

contract TimestampTruncation {
    uint32 public last;

    // Truncating to 32 bits for a packed oracle slot is not randomness.
    function update() external {
        last = uint32(block.timestamp % 2 ** 32);
    }
}

contract BlockSchedule {
    uint256 public rebases;

    // Acting every hundred blocks is scheduling, not a draw.
    function maybeRebase() external {
        if (block.number % 100 == 0) rebases += 1;
    }

    // Hashed, the block number is used as randomness again.
    function hashedNumber(uint256 sides) external view returns (uint256) {
        return uint256(keccak256(abi.encodePacked(block.number))) % sides; // expect: weak-prng
    }
}

// One finding per source: the scan steps on from the random start with more modulos of the same value.
contract RandomStartScan {
    address[] public targets;

    function sample(uint256 interval) external view returns (address[] memory found) {
        uint256 count = targets.length;
        found = new address[](count);
        uint256 idx = uint256(blockhash(block.number - (block.number % interval) - 1)) % count; // expect: weak-prng
        for (uint256 checked = 0; checked < count; checked++) {
            found[checked] = targets[idx];
            idx = (idx + 1) % count;
        }
    }
}
