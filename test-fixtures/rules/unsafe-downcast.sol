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

// Look-alikes: the value was checked by a validation helper or modifier first. Where only a checked caller (the
// owner, the token contract a callback is pinned to) can choose it, the finding stays but is Low.
interface IFundingToken {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract ValidatedRounds {
    struct Round {
        int192 answer;
        uint64 updatedAt;
    }

    mapping(uint80 => Round) internal rounds;
    mapping(uint64 => uint96) public subscriptionBalance;
    mapping(address => uint256) public pending;
    uint80 public latestRoundId;
    uint96 public feeCap;
    address public immutable owner;
    IFundingToken public immutable fundingToken;

    constructor(IFundingToken token) {
        owner = msg.sender;
        fundingToken = token;
    }

    modifier withinCap(uint256 amount) {
        require(amount <= type(uint96).max, "cap");
        _;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function setLatestRound(uint80 roundId) external onlyOwner {
        latestRoundId = roundId;
    }

    function getAnswer(uint256 roundId) external view returns (int256) {
        if (isValidRound(roundId)) return rounds[uint80(roundId)].answer;
        return 0;
    }

    function getTimestamp(uint256 roundId) external view returns (uint256) {
        requireValidRound(roundId);
        return rounds[uint80(roundId)].updatedAt;
    }

    function setFeeCap(uint256 cap) external withinCap(cap) {
        feeCap = uint96(cap);
    }

    function setFeeCapByOwner(uint256 cap) external onlyOwner {
        feeCap = uint96(cap); // expect: unsafe-downcast
    }

    // Called by the funding token after a transfer: the token's supply bounds `amount`.
    function onTokenTransfer(address, uint256 amount, bytes calldata data) external {
        if (msg.sender != address(fundingToken)) revert("only token");
        uint64 funded = abi.decode(data, (uint64));
        subscriptionBalance[funded] += uint96(amount); // expect: unsafe-downcast
    }

    // Still reported: the helper records the value but never compares it.
    function fund(uint64 subscriptionId, uint256 amount) external {
        record(amount);
        subscriptionBalance[subscriptionId] += uint96(amount); // expect: unsafe-downcast
    }

    // Still Medium: pulling the caller's tokens takes `msg.sender` as an argument but does not check who calls.
    function depositAndFund(uint64 subscriptionId, uint256 deposited) external {
        require(fundingToken.transferFrom(msg.sender, address(this), deposited), "pull"); // expect: fee-on-transfer
        subscriptionBalance[subscriptionId] += uint96(deposited); // expect: unsafe-downcast
    }

    function record(uint256 amount) internal {
        pending[msg.sender] = amount;
    }

    function isValidRound(uint256 roundId) private view returns (bool) {
        return roundId > 0 && roundId <= type(uint80).max && roundId <= latestRoundId;
    }

    function requireValidRound(uint256 roundId) private view {
        if (!isValidRound(roundId)) revert("no data");
    }
}

// Computed values and sign changes: a quotient, a library's or a helper's return narrowed with no bound on the
// path, a caller's amount turned signed, a caller's signed delta turned unsigned.
library PositionMath {
    function mulDiv(uint256 a, uint256 b, uint256 denominator) internal pure returns (uint256) {
        return (a * b) / denominator;
    }
}

contract PerpPositions {
    struct Position {
        uint128 size;
        int128 margin;
        uint96 reward;
    }

    mapping(address => Position) public positions;
    mapping(address => int256) public realizedPnl;
    mapping(address => uint256) public withdrawable;
    uint256 public rewardPerSize;
    uint256 public totalSize;

    // Medium: the caller's collateral and leverage over a price; nothing bounds the quotient.
    function open(uint256 collateral, uint256 leverage, uint256 price) external {
        positions[msg.sender].size = uint128((collateral * leverage * 1e18) / price); // expect: unsafe-downcast
        totalSize += collateral * leverage;
    }

    // Medium: library math on the caller's amount.
    function increase(uint256 added, uint256 price) external {
        positions[msg.sender].size += uint128(PositionMath.mulDiv(added, 1e18, price)); // expect: unsafe-downcast
    }

    // Medium: a helper's return computed from the caller's input.
    function accrue(uint256 sizeDelta) external {
        positions[msg.sender].reward = uint96(_rewardFor(sizeDelta)); // expect: unsafe-downcast
    }

    // Low: computed from the contract's own state only.
    function checkpoint() external {
        positions[msg.sender].reward = uint96(rewardPerSize * totalSize); // expect: unsafe-downcast
    }

    // Medium: a caller's amount above type(int256).max books a negative loss as a profit.
    function realizeLoss(uint256 loss) external {
        realizedPnl[msg.sender] -= int256(loss); // expect: unsafe-downcast
    }

    // Medium: negating a converted size; a size of 2**127 or more turns the margin change positive.
    function addMargin(uint128 amount) external {
        positions[msg.sender].margin += -int128(amount); // expect: unsafe-downcast
    }

    // Medium: a negative pnl the caller passes becomes a huge withdrawable amount.
    function settle(int256 pnl) external {
        withdrawable[msg.sender] += uint256(pnl); // expect: unsafe-downcast
    }

    function _rewardFor(uint256 sizeDelta) internal view returns (uint256) {
        return sizeDelta * rewardPerSize;
    }
}

// Look-alikes: the computed value is checked, SafeCast-like, clamped, comes from a narrower type, or converts
// without changing sign; a view function's signed answer is its caller's to check.
library SafeCastLike {
    function toUint128(uint256 value) internal pure returns (uint128) {
        require(value <= type(uint128).max, "cast");
        return uint128(value);
    }
}

contract CheckedPositions {
    using SafeCastLike for uint256;

    mapping(address => uint128) public sizes;
    mapping(address => int256) public realizedPnl;
    mapping(address => uint256) public withdrawable;
    uint256 public totalSize;

    function open(uint256 collateral, uint256 leverage, uint256 price) external {
        sizes[msg.sender] = ((collateral * leverage * 1e18) / price).toUint128();
    }

    function openChecked(uint256 collateral, uint256 price) external {
        uint256 size = PositionMath.mulDiv(collateral, 1e18, price);
        require(size <= type(uint128).max, "size");
        sizes[msg.sender] = uint128(size);
    }

    function openClamped(uint256 collateral, uint256 price) external {
        sizes[msg.sender] = uint128(_min(PositionMath.mulDiv(collateral, 1e18, price), type(uint128).max));
    }

    // A product of two 64-bit values is a 64-bit value: converting it to 128 bits widens.
    function openNarrow(uint64 collateral, uint64 leverage) external {
        sizes[msg.sender] = uint128(collateral * leverage);
    }

    function realizeLoss(uint256 loss) external {
        require(loss <= uint256(type(int256).max), "loss");
        realizedPnl[msg.sender] -= int256(loss);
    }

    // A 128-bit amount always fits a signed 256-bit value.
    function realizeSmallLoss(uint128 loss) external {
        realizedPnl[msg.sender] -= int256(uint256(loss));
    }

    function settle(int256 pnl) external {
        if (pnl < 0) revert("loss");
        withdrawable[msg.sender] += uint256(pnl);
    }

    function previewPnl(uint256 amount) external pure returns (int256) {
        return int256(amount);
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
