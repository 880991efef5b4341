// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract FeeCalculator {
    uint256 public constant PRECISION = 1000;
    uint256 public immutable feeRate = 3;

    function fee(uint256 amount) external view returns (uint256) {
        return (amount / PRECISION) * feeRate; // expect: divide-before-multiply
    }

    function feeRight(uint256 amount) external view returns (uint256) {
        return feeRate * uint256(amount / PRECISION); // expect: divide-before-multiply
    }

    function acrossStatements(uint256 amount) external view returns (uint256) {
        uint256 units = amount / PRECISION;
        return units * feeRate; // expect: divide-before-multiply
    }

    function compound(uint256 amount) external view returns (uint256 total) {
        total = feeRate;
        total *= (amount / PRECISION); // expect: divide-before-multiply
    }
}

// Medium: the rounded fee is booked. The view functions above only answer, so their findings are Low.
contract FeeCollector {
    uint256 public constant PRECISION = 1000;
    uint256 public immutable feeRate = 3;
    mapping(address => uint256) public collected;

    function chargeFee(uint256 amount) external {
        collected[msg.sender] += (amount / PRECISION) * feeRate; // expect: divide-before-multiply
    }
}

contract DivideBeforeMultiplyLookAlikes {
    uint256 public constant PRECISION = 1000;
    uint256 public constant QUARTER = (1e18 / 4) * 1;
    uint256 public immutable feeRate = 3;

    // Multiply first.
    function fee(uint256 amount) external view returns (uint256) {
        return (amount * feeRate) / PRECISION;
    }

    // A quotient used on its own, and a product not involving it.
    function split(uint256 amount, uint256 parts) external pure returns (uint256 each, uint256 doubled) {
        each = amount / parts;
        doubled = amount * 2;
    }

    // A parameter is not a local division result even if reassigned later.
    function reassigned(uint256 amount) external view returns (uint256) {
        return amount * feeRate;
    }
}

contract CeilingDivision {
    // Rounding up to size a buffer is deliberate.
    function encodedLength(bytes memory data) external pure returns (uint256) {
        return 4 * ((data.length + 2) / 3);
    }

    function pages(uint256 items, uint256 pageSize) external pure returns (uint256) {
        return ((items + pageSize - 1) / pageSize) * pageSize;
    }
}

library FeeMath {
    function fee(uint256 amount, uint256 rate) internal pure returns (uint256) {
        return (amount / 10000) * rate; // expect: divide-before-multiply
    }
}

contract RoundToMultiple {
    uint256 public constant TICK = 60;

    // Rounding down to a multiple of the divisor is the point of the truncation.
    function floorToTick(uint256 value) external pure returns (uint256) {
        return (value / TICK) * TICK;
    }

    function remainderByHand(uint256 a, uint256 b) external pure returns (uint256) {
        uint256 q = a / b;
        return a - b * q;
    }
}

contract DivisionAfterProduct {
    // The division comes after the products that use the variable.
    function invert(uint256 ratio, bool flip) external pure returns (uint256) {
        ratio = (ratio * 3) >> 1;
        if (flip) ratio = type(uint256).max / ratio;
        return ratio;
    }
}

// Look-alikes from audited code: whole quotients used on purpose, with the remainder handled in the same function.
contract WholeQuotients {
    // OpenZeppelin Base64._decode: complete 4-character groups times 3, the padding handled through `len % 4`.
    function decodedLength(uint256 len) external pure returns (uint256 size) {
        size = (len / 4) * 3;
        if (len % 4 != 0) size += len % 4 - 1;
    }

    // OpenZeppelin Math.invMod: extended Euclid, the quotient also rebuilds the remainder.
    function inverse(uint256 a, uint256 n) external pure returns (int256 x) {
        uint256 gcd = n;
        uint256 remainder = a % n;
        int256 y = 1;
        while (remainder != 0) {
            uint256 quotient = gcd / remainder;
            (gcd, remainder) = (remainder, gcd - remainder * quotient);
            (x, y) = (y, x - y * int256(quotient));
        }
    }
}

// Look-alikes: fixed-point multiplies chained (each step rescales a product, so the error stays below one unit
// of the result), and a product inside the expression that computes the local's new value.
contract FixedPointChains {
    uint256 public constant WAD = 1e18;
    uint256 public premiumPercent = 20;

    function setPremium(uint256 percent) external {
        premiumPercent = percent;
    }

    function requestPrice(uint256 gasCost, uint256 weiPerToken) external view returns (uint256) {
        uint256 baseFee = (1e18 * gasCost) / weiPerToken;
        return (baseFee * (premiumPercent + 100)) / 100;
    }

    function log2Fraction(uint256 y) external pure returns (uint256 result) {
        for (uint256 delta = WAD / 2; delta > 0; delta >>= 1) {
            y = (y * y) / WAD;
            if (y >= 2 * WAD) {
                result += delta;
                y >>= 1;
            }
        }
    }

    function cubeRootStep(uint256 x, uint256 z) external pure returns (uint256) {
        z = (x / (z * z) + z + z) / 3;
        return z;
    }

    // Still reported: the quotient drops whole units before the rescaled product.
    function unitsFee(uint256 amount) external view returns (uint256) {
        return ((amount / 1000) * premiumPercent) / 100; // expect: divide-before-multiply
    }
}

// Rounding to zero across statements: a reward rate stored by one function and multiplied by another, and a share
// returned by an internal helper. A reward smaller than the total stake stores a rate of zero.
contract StakingRewards {
    mapping(address => uint256) public stakeOf;
    mapping(address => uint256) public paid;
    uint256 public totalStaked;
    uint256 public rewardPerToken;
    uint256 public bonusPool;

    function notifyReward(uint256 reward) external {
        rewardPerToken += reward / totalStaked;
    }

    function claim() external {
        uint256 payout = rewardPerToken * stakeOf[msg.sender]; // expect: divide-before-multiply
        paid[msg.sender] += payout;
    }

    function claimBonus() external {
        paid[msg.sender] += _bonusShare() * stakeOf[msg.sender]; // expect: divide-before-multiply
    }

    function _bonusShare() internal view returns (uint256) {
        return bonusPool / totalStaked;
    }
}

// Look-alikes: the stored rate and the helper's share are scaled before the division (fixed-point), and the
// per-user amount multiplies first.
contract ScaledStakingRewards {
    uint256 public constant PRECISION = 1e18;
    mapping(address => uint256) public stakeOf;
    mapping(address => uint256) public paid;
    uint256 public totalStaked;
    uint256 public rewardPerToken;
    uint256 public bonusPool;

    function notifyReward(uint256 reward) external {
        rewardPerToken += (reward * PRECISION) / totalStaked;
    }

    function claim() external {
        paid[msg.sender] += (rewardPerToken * stakeOf[msg.sender]) / PRECISION;
    }

    function claimBonus() external {
        paid[msg.sender] += (_bonusShare() * stakeOf[msg.sender]) / PRECISION;
        paid[msg.sender] += (bonusPool * stakeOf[msg.sender]) / totalStaked;
    }

    function _bonusShare() internal view returns (uint256) {
        return (bonusPool * PRECISION) / totalStaked;
    }
}
