// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface AggregatorV3Interface {
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}

contract NaiveOracle {
    AggregatorV3Interface public immutable feed;

    constructor(AggregatorV3Interface feed_) {
        feed = feed_;
    }

    function price() external view returns (uint256) {
        (, int256 answer, , , ) = feed.latestRoundData(); // expect: chainlink-stale-price
        return uint256(answer);
    }

    function priceSignChecked() external view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData(); // expect: chainlink-stale-price
        require(answer > 0, "bad answer");
        require(updatedAt != 0, "incomplete");
        return uint256(answer);
    }

    function priceFreshOnly() external view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData(); // expect: chainlink-stale-price
        require(block.timestamp - updatedAt <= 1 hours, "stale");
        return uint256(answer);
    }
}

contract ChainlinkLookAlikes {
    AggregatorV3Interface public immutable feed;
    uint256 public constant HEARTBEAT = 1 hours;

    constructor(AggregatorV3Interface feed_) {
        feed = feed_;
    }

    function price() external view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData();
        require(answer > 0, "bad answer");
        require(block.timestamp - updatedAt <= HEARTBEAT, "stale");
        return uint256(answer);
    }

    function priceViaLocal() external view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData();
        uint256 age = block.timestamp - updatedAt;
        if (age > HEARTBEAT || answer <= 0) revert("bad feed");
        return uint256(answer);
    }

    // A wrapper hands the whole tuple on; its callers check.
    function raw() external view returns (uint80, int256, uint256, uint256, uint80) {
        return feed.latestRoundData();
    }
}
