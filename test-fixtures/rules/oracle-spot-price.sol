// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IPair {
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);
}

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
}

interface IPoolV3 {
    function slot0() external view returns (uint160 sqrtPriceX96, int24 tick, uint16 a, uint16 b, uint16 c, uint8 d, bool e);
}

contract SpotOracle {
    IPair public immutable pair;
    IERC20 public immutable tokenA;
    IERC20 public immutable tokenB;
    IPoolV3 public immutable pool;

    constructor(IPair pair_, IERC20 a, IERC20 b, IPoolV3 pool_) {
        pair = pair_;
        tokenA = a;
        tokenB = b;
        pool = pool_;
    }

    function price() external view returns (uint256) {
        (uint112 reserve0, uint112 reserve1, ) = pair.getReserves();
        return (uint256(reserve1) * 1e18) / reserve0; // expect: oracle-spot-price
    }

    function balancePrice() external view returns (uint256) {
        uint256 a = tokenA.balanceOf(address(pair));
        uint256 b = tokenB.balanceOf(address(pair));
        return (b * 1e18) / a; // expect: oracle-spot-price
    }

    function v3Price() external view returns (uint256) {
        (uint160 sqrtPriceX96, , , , , , ) = pool.slot0();
        return (uint256(sqrtPriceX96) * uint256(sqrtPriceX96)) >> 192; // expect: oracle-spot-price
    }
}

contract SpotOracleLookAlikes {
    IPair public immutable pair;
    IERC20 public immutable token;
    uint256 public totalShares;

    constructor(IPair pair_, IERC20 token_) {
        pair = pair_;
        token = token_;
    }

    // Reserves read but not turned into a ratio.
    function reservesNonZero() external view returns (bool) {
        (uint112 reserve0, uint112 reserve1, ) = pair.getReserves();
        return reserve0 > 0 && reserve1 > 0;
    }

    // Own-balance accounting is a share price, not a pool oracle.
    function sharePrice() external view returns (uint256) {
        return (token.balanceOf(address(this)) * 1e18) / totalShares; // expect: uninitialized-state
    }

    // Pure math on caller-supplied reserves.
    function quote(uint256 amount, uint256 reserveIn, uint256 reserveOut) external pure returns (uint256) {
        return (amount * reserveOut) / reserveIn;
    }
}

// Look-alike: `slot0()` only picks which stored observation to read; the price comes from the observation
// history (the tick at the start of the block), which a trade in this transaction cannot move.
interface IObservedPool {
    function slot0() external view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 c, uint8 d, bool e);
    function observations(uint256 index) external view returns (uint32 blockTimestamp, int56 tickCumulative, uint160 secondsPerLiquidity, bool initialized);
}

contract BlockStartingTick {
    function blockStartingTick(IObservedPool pool) external view returns (int24) {
        (, , uint16 observationIndex, uint16 observationCardinality, , , ) = pool.slot0();
        (uint32 observationTimestamp, int56 tickCumulative, , ) = pool.observations(observationIndex);
        uint256 prevIndex = (uint256(observationIndex) + observationCardinality - 1) % observationCardinality;
        (uint32 prevTimestamp, int56 prevTickCumulative, , bool initialized) = pool.observations(prevIndex);
        require(initialized, "ONI");
        uint32 delta = observationTimestamp - prevTimestamp;
        return int24((tickCumulative - prevTickCumulative) / int56(uint56(delta)));
    }
}
