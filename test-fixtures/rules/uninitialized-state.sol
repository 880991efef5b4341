// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IPriceOracle {
    function price(address asset) external view returns (uint256);
}

interface IERC20Like {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

// Flagged: `rewardRate` and `oracle` are read by the logic, and nothing sets them.
contract RewardVault {
    IERC20Like public immutable token;
    IPriceOracle public oracle;
    uint256 public rewardRate;
    uint256 public feeBps;
    mapping(address => uint256) public deposits;
    mapping(address => uint256) public rewards;

    constructor(IERC20Like token_) {
        token = token_;
    }

    function deposit(uint256 amount) external {
        uint256 value = amount * oracle.price(address(token)) / 1e18; // expect: uninitialized-state/neverWritten
        deposits[msg.sender] += value;
        rewards[msg.sender] += value * rewardRate / 1e18; // expect: uninitialized-state/neverWritten
        require(token.transferFrom(msg.sender, address(this), amount), "transfer");
    }

    function pendingValue(address user) external view returns (uint256) {
        return deposits[user] * rewardRate / 1e18; // expect: uninitialized-state/neverWritten
    }

    // Written only in a private helper nobody calls.
    function _setFee(uint256 bps) private { // expect: dead-code
        feeBps = bps;
    }

    function withdraw(uint256 amount) external {
        deposits[msg.sender] -= amount;
        uint256 fee = amount * feeBps / 10_000; // expect: uninitialized-state/deadWriter
        require(token.transfer(msg.sender, amount - fee), "transfer");
    }
}

// Flagged: the first claim pays since 1970 because nothing sets `lastClaim` before it.
contract DripFaucet {
    IERC20Like public immutable token;
    uint256 public constant RATE = 1e15;
    mapping(address => uint256) public lastClaim;

    constructor(IERC20Like token_) {
        token = token_;
    }

    function claim() external {
        uint256 elapsed = block.timestamp - lastClaim[msg.sender]; // expect: uninitialized-state/checkpointNeverSet
        lastClaim[msg.sender] = block.timestamp;
        require(token.transfer(msg.sender, elapsed * RATE), "transfer");
    }
}

// Flagged: stake() grows the balance but leaves the checkpoint at zero.
contract TimeStaking {
    IERC20Like public immutable token;
    uint256 public constant RATE_PER_SECOND = 1e12;
    mapping(address => uint256) public staked;
    mapping(address => uint256) public lastClaim;

    constructor(IERC20Like token_) {
        token = token_;
    }

    function stake(uint256 amount) external {
        require(token.transferFrom(msg.sender, address(this), amount), "transfer"); // expect: fee-on-transfer
        staked[msg.sender] += amount;
    }

    function claim() external {
        uint256 reward = staked[msg.sender] * (block.timestamp - lastClaim[msg.sender]) * RATE_PER_SECOND / 1e18; // expect: uninitialized-state/checkpointUnset
        lastClaim[msg.sender] = block.timestamp;
        require(token.transfer(msg.sender, reward), "transfer");
    }
}

// Silent: set in the constructor, an initializer, a setter, a derived contract or by raw slot; constants and
// immutables; reads that handle zero.
contract ConfiguredVault {
    IPriceOracle public oracle; // expect: immutable-states
    uint256 public rewardRate;
    uint256 public fee;
    address public owner; // expect: immutable-states
    uint256 public constant CAP = 1e24;
    uint256 public immutable start;
    mapping(address => uint256) public balances;

    constructor(IPriceOracle oracle_) {
        oracle = oracle_;
        owner = msg.sender;
        start = block.timestamp;
    }

    function setRewardRate(uint256 rate) external {
        require(msg.sender == owner, "owner");
        rewardRate = rate; // expect: missing-events-arithmetic
    }

    function _applyFee(uint256 amount) internal returns (uint256) {
        fee = amount / 100;
        return amount - fee;
    }

    function deposit(uint256 amount) external {
        require(amount <= CAP && block.timestamp >= start, "cap");
        // A balance mapping's zero is meaningful: a new user has nothing.
        balances[msg.sender] += _applyFee(amount) * oracle.price(address(this)) / 1e18;
        balances[msg.sender] += amount * rewardRate / 1e18;
    }
}

abstract contract HookBase {
    address internal hook;
    uint256 internal multiplier;

    function _boost(uint256 amount) internal view returns (uint256) {
        // An optional hook: zero means "none", and the code checks for it.
        if (hook == address(0)) return amount;
        return amount * multiplier;
    }
}

contract HookedPool is HookBase {
    constructor(address hook_, uint256 multiplier_) {
        hook = hook_;
        multiplier = multiplier_;
    }

    function boosted(uint256 amount) external view returns (uint256) {
        return _boost(amount);
    }
}

contract SlotConfigured {
    uint256 internal rate;

    constructor(uint256 rate_) {
        assembly { // expect: assembly
            sstore(rate.slot, rate_)
        }
    }

    function quote(uint256 amount) external view returns (uint256) {
        return amount * rate;
    }
}

contract InitializableRewards {
    uint256 public rewardRate;
    bool private initialized;
    mapping(address => uint256) public credits;

    function initialize(uint256 rate) external {
        require(!initialized, "done");
        initialized = true;
        rewardRate = rate;
    }

    function accrue(uint256 amount) external {
        credits[msg.sender] += amount * rewardRate;
    }
}

// Silent: the checkpoint is set at stake, or zero is handled explicitly, or the difference is only a cooldown.
contract CheckpointedStaking {
    IERC20Like public immutable token;
    uint256 public constant RATE_PER_SECOND = 1e12;
    mapping(address => uint256) public staked;
    mapping(address => uint256) public lastClaim;

    constructor(IERC20Like token_) {
        token = token_;
    }

    function stake(uint256 amount) external {
        _claim(msg.sender);
        require(token.transferFrom(msg.sender, address(this), amount), "transfer"); // expect: fee-on-transfer
        staked[msg.sender] += amount;
    }

    function claim() external {
        _claim(msg.sender);
    }

    function _claim(address user) internal {
        uint256 reward = staked[user] * (block.timestamp - lastClaim[user]) * RATE_PER_SECOND / 1e18;
        lastClaim[user] = block.timestamp;
        if (reward > 0) require(token.transfer(user, reward), "transfer");
    }

    function unstake(uint256 amount) external {
        _claim(msg.sender);
        staked[msg.sender] -= amount;
        require(token.transfer(msg.sender, amount), "transfer");
    }
}

contract GuardedFaucet {
    IERC20Like public immutable token;
    mapping(address => uint256) public lastClaim;

    constructor(IERC20Like token_) {
        token = token_;
    }

    function claim() external {
        uint256 last = lastClaim[msg.sender];
        lastClaim[msg.sender] = block.timestamp;
        if (last == 0) return;
        require(token.transfer(msg.sender, (block.timestamp - last) * 1e15), "transfer");
    }

    function claimWithCheck() external {
        require(lastClaim[msg.sender] != 0, "register first");
        uint256 elapsed = block.timestamp - lastClaim[msg.sender];
        lastClaim[msg.sender] = block.timestamp;
        require(token.transfer(msg.sender, elapsed * 1e15), "transfer");
    }
}

contract CooldownFaucet {
    IERC20Like public immutable token;
    mapping(address => uint256) public lastClaim;

    constructor(IERC20Like token_) {
        token = token_;
    }

    // The first claim passing the cooldown is intended: the difference only gates, it scales nothing.
    function claim() external {
        require(block.timestamp - lastClaim[msg.sender] >= 1 days, "cooldown");
        lastClaim[msg.sender] = block.timestamp;
        require(token.transfer(msg.sender, 1e18), "transfer");
    }
}

// Synthetix-style: the modifier checkpoints the user on every stake, before the balance grows.
contract IndexRewards {
    IERC20Like public immutable token;
    uint256 public rewardPerTokenStored;
    uint256 public totalStaked;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public userRewardPerTokenPaid;
    mapping(address => uint256) public rewards;

    constructor(IERC20Like token_) {
        token = token_;
    }

    modifier updateReward(address account) {
        rewards[account] = earned(account);
        userRewardPerTokenPaid[account] = rewardPerTokenStored;
        _;
    }

    function earned(address account) public view returns (uint256) {
        return balanceOf[account] * (rewardPerTokenStored - userRewardPerTokenPaid[account]) / 1e18 + rewards[account];
    }

    function notify(uint256 amount) external {
        require(totalStaked > 0, "empty");
        rewardPerTokenStored += amount * 1e18 / totalStaked;
        require(token.transferFrom(msg.sender, address(this), amount), "transfer");
    }

    function stake(uint256 amount) external updateReward(msg.sender) {
        totalStaked += amount;
        balanceOf[msg.sender] += amount;
        require(token.transferFrom(msg.sender, address(this), amount), "transfer");
    }
}

// Silent: the logic contract runs only through the master's delegatecall, so the master's setter sets the
// slot the logic reads.
abstract contract RegistryStorage {
    address internal admin;
    uint256 internal fallbackPrice;
    mapping(uint256 => uint256) internal balances;
}

contract RegistryLogic is RegistryStorage {
    uint256 public immutable deployedAt;

    constructor() {
        deployedAt = block.timestamp;
    }

    function charge(uint256 id, uint256 gasUsed) external {
        balances[id] -= gasUsed * fallbackPrice;
    }
}

// The delegation lives in a base of the master that knows nothing of the registry's storage.
abstract contract Chained {
    function _next() internal view virtual returns (address);

    fallback() external {
        address target = _next();
        assembly { // expect: assembly
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

contract RegistryMaster is RegistryStorage, Chained {
    address public immutable logic;

    constructor(address logic_) {
        logic = logic_;
        admin = msg.sender;
    }

    function setFallbackPrice(uint256 price) external {
        require(msg.sender == admin, "admin");
        fallbackPrice = price;
    }

    function _next() internal view override returns (address) {
        return logic;
    }
}

// Silent: two implementations behind one proxy share its storage; the admin logic's initializer sets what
// the user logic reads.
abstract contract Initializable {
    bool private initialized;

    modifier initializer() {
        require(!initialized, "initialized");
        initialized = true;
        _;
    }
}

abstract contract RollupState is Initializable { // expect: missing-storage-gap
    IERC20Like internal stakeToken;
    uint256 internal baseStake;
    mapping(address => uint256) internal stakes;
}

contract RollupAdmin is RollupState { // expect: missing-disable-initializers
    function initialize(IERC20Like token, uint256 stake) external initializer {
        stakeToken = token;
        baseStake = stake;
    }
}

contract RollupUser is RollupState {
    uint256 public immutable challengePeriod;

    constructor(uint256 period) {
        challengePeriod = period;
    }

    function depositStake() external {
        stakes[msg.sender] += baseStake;
        require(stakeToken.transferFrom(msg.sender, address(this), baseStake), "stake");
    }
}

// Flagged: the checkpoint is a field of the user's struct; deposit() grows `amount` but leaves `lastClaim` at zero.
contract StructStaking {
    struct Account {
        uint256 amount;
        uint256 lastClaim;
    }

    IERC20Like public immutable token;
    mapping(address => Account) public accounts;

    constructor(IERC20Like token_) {
        token = token_;
    }

    function deposit(uint256 amount) external {
        require(token.transferFrom(msg.sender, address(this), amount), "transfer"); // expect: fee-on-transfer
        accounts[msg.sender].amount += amount;
    }

    function claim() external {
        uint256 reward = accounts[msg.sender].amount * (block.timestamp - accounts[msg.sender].lastClaim) / 1e9; // expect: uninitialized-state/checkpointUnset
        accounts[msg.sender].lastClaim = block.timestamp;
        require(token.transfer(msg.sender, reward), "transfer");
    }
}

// Silent: the deposit writes the whole struct, checkpoint included.
contract StructStakingCheckpointed {
    struct Account {
        uint256 amount;
        uint256 lastClaim;
    }

    IERC20Like public immutable token;
    mapping(address => Account) public accounts;

    constructor(IERC20Like token_) {
        token = token_;
    }

    function deposit(uint256 amount) external {
        require(accounts[msg.sender].amount == 0, "once");
        require(token.transferFrom(msg.sender, address(this), amount), "transfer"); // expect: fee-on-transfer
        accounts[msg.sender] = Account(amount, block.timestamp);
    }

    function claim() external {
        uint256 reward = accounts[msg.sender].amount * (block.timestamp - accounts[msg.sender].lastClaim) / 1e9;
        accounts[msg.sender].lastClaim = block.timestamp;
        require(token.transfer(msg.sender, reward), "transfer");
    }
}
