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

// The deprecated `AggregatorInterface` answer: no round id, no update time.
interface AggregatorInterface {
    function latestAnswer() external view returns (int256);
    function latestTimestamp() external view returns (uint256);
}

interface IPriceOracle {
    function latestAnswer() external view returns (uint256);
}

contract LatestAnswerConsumer {
    AggregatorInterface public immutable feed;
    IPriceOracle public immutable oracle;
    address public immutable ethUsd;
    mapping(address => AggregatorInterface) public feeds;

    constructor(AggregatorInterface feed_, IPriceOracle oracle_, address ethUsd_) {
        feed = feed_;
        oracle = oracle_;
        ethUsd = ethUsd_;
    }

    function collateralValue(uint256 amount) external view returns (uint256) {
        return (amount * uint256(feed.latestAnswer())) / 1e8; // expect: chainlink-stale-price
    }

    function priceSignChecked() external view returns (uint256) {
        int256 answer = feed.latestAnswer(); // expect: chainlink-stale-price
        require(answer > 0, "bad answer");
        return uint256(answer);
    }

    function priceByAddress() external view returns (uint256) {
        return uint256(AggregatorInterface(ethUsd).latestAnswer()); // expect: chainlink-stale-price
    }

    function priceOf(address token, uint256 amount) external view returns (uint256) {
        return amount * uint256(feeds[token].latestAnswer()); // expect: chainlink-stale-price
    }

    // A feed-named interface whose `latestAnswer()` returns a price as `uint256` is still a feed.
    function oraclePrice(uint256 amount) external view returns (uint256) {
        return amount * oracle.latestAnswer(); // expect: chainlink-stale-price
    }

    // Stored for later pricing.
    int256 public lastPrice;

    function recordPrice() external {
        lastPrice = feed.latestAnswer(); // expect: chainlink-stale-price
    }

    // Its update time is read but only checked for zero, never against the current time.
    function priceTimestampRead() external view returns (uint256) {
        int256 answer = feed.latestAnswer(); // expect: chainlink-stale-price
        require(answer > 0 && feed.latestTimestamp() != 0, "bad answer");
        return uint256(answer);
    }
}

interface IQuiz {
    function latestAnswer() external view returns (string memory);
}

interface ICounter {
    function latestAnswer() external view returns (uint256);
}

contract LatestAnswerLookAlikes {
    AggregatorInterface public immutable feed;
    IQuiz public immutable quiz;
    ICounter public immutable counter;
    uint256 public constant HEARTBEAT = 1 hours;
    int256 private storedAnswer;

    constructor(AggregatorInterface feed_, IQuiz quiz_, ICounter counter_) {
        feed = feed_;
        quiz = quiz_;
        counter = counter_;
    }

    // Both checks `latestRoundData()` would give, made with the deprecated calls.
    function priceChecked() external view returns (uint256) {
        int256 answer = feed.latestAnswer();
        require(answer > 0, "bad answer");
        require(block.timestamp - feed.latestTimestamp() <= HEARTBEAT, "stale");
        return uint256(answer);
    }

    // A pass-through hands the raw answer on; its callers take the price.
    function rawAnswer() external view returns (int256) {
        return feed.latestAnswer();
    }

    function namedAnswer() external view returns (int256 answer) {
        answer = feed.latestAnswer();
    }

    // Probes that a new feed answers at all; no price is taken.
    function checkFeed(AggregatorInterface candidate) external view returns (bool) {
        require(candidate.latestAnswer() > 0, "dead feed");
        int256 probe = candidate.latestAnswer();
        return probe != 0;
    }

    // This contract is a feed itself: it implements `latestAnswer()` from its own storage.
    function latestAnswer() external view returns (int256) {
        return storedAnswer;
    }

    function selfAnswer() external view returns (int256) {
        return this.latestAnswer() * 2;
    }

    // Not price feeds: the answer is a string, or a counter's value.
    function quizAnswer() external view returns (bytes32) {
        return keccak256(bytes(quiz.latestAnswer()));
    }

    function counterValue() external view returns (uint256) {
        return counter.latestAnswer() + 1;
    }
}

// An adapter that implements the deprecated interface by scaling another feed: its consumers take the price.
contract ScalingAdapter {
    AggregatorInterface public immutable source;

    constructor(AggregatorInterface source_) {
        source = source_;
    }

    function latestAnswer() external view returns (int256) {
        return source.latestAnswer() * 1e10;
    }
}

// Look-alike: a private helper checks freshness (with a fallback price) and returns the answer; its only caller
// rejects a non-positive answer. Still reported: a helper whose caller uses the answer unchecked.
contract FeeQuoter {
    AggregatorV3Interface public immutable linkEthFeed;
    uint32 public stalenessSeconds = 1 days;
    int256 public fallbackWeiPerUnitLink = 5e15;

    constructor(AggregatorV3Interface feed_) {
        linkEthFeed = feed_;
    }

    function setFallback(int256 weiPerUnitLink, uint32 staleness) external {
        fallbackWeiPerUnitLink = weiPerUnitLink;
        stalenessSeconds = staleness;
    }

    function feeInLink(uint256 feeWei) external view returns (uint256) {
        int256 weiPerUnitLink = feedData();
        if (weiPerUnitLink <= 0) revert("bad price");
        return (feeWei * 1e18) / uint256(weiPerUnitLink);
    }

    function feedData() private view returns (int256 weiPerUnitLink) {
        uint256 timestamp;
        (, weiPerUnitLink, , timestamp, ) = linkEthFeed.latestRoundData();
        if (stalenessSeconds > 0 && stalenessSeconds < block.timestamp - timestamp) weiPerUnitLink = fallbackWeiPerUnitLink;
    }
}

contract UncheckedFeeQuoter {
    AggregatorV3Interface public immutable linkEthFeed;

    constructor(AggregatorV3Interface feed_) {
        linkEthFeed = feed_;
    }

    function feeInLink(uint256 feeWei) external view returns (uint256) {
        return (feeWei * 1e18) / uint256(feedData());
    }

    function feedData() private view returns (int256 weiPerUnitLink) {
        uint256 timestamp;
        (, weiPerUnitLink, , timestamp, ) = linkEthFeed.latestRoundData(); // expect: chainlink-stale-price
        if (timestamp + 1 days < block.timestamp) revert("stale");
    }
}
