// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Raffle { // expect: locked-ether
    address[] public entrants;
    uint256[] public tickets;
    mapping(address => uint256) public credit;

    function enter() external payable {
        require(msg.value == 0.01 ether, "fee");
        entrants.push(msg.sender);
    }

    function buyTicket(uint256 number) external {
        _addTicket(number);
    }

    function _addTicket(uint256 number) internal {
        tickets.push(number);
    }

    function refundAll() external {
        uint256 count = entrants.length;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            credit[entrants[i]] += 1;
        }
    }

    function clearTickets() external {
        uint256 count = tickets.length;
        uint256 i;
        while (i < count) { // expect: unbounded-loop
            delete tickets[i];
            i++;
        }
    }
}

contract UnboundedLoopLookAlikes {
    address public immutable owner = msg.sender;
    address[] public admins;
    address[] public members;
    address[] public fixedList;
    mapping(address => uint256) public credit;

    constructor(address[] memory initial) {
        for (uint256 i = 0; i < initial.length; i++) fixedList.push(initial[i]);
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    // Only the owner grows this array.
    function addAdmin(address admin) external onlyOwner {
        admins.push(admin);
    }

    function rewardAdmins() external {
        uint256 count = admins.length;
        for (uint256 i = 0; i < count; i++) credit[admins[i]] += 1;
    }

    // Anyone grows `members`, but a view loop costs no transaction gas.
    function join() external {
        members.push(msg.sender);
    }

    function countMembers() external view returns (uint256 n) {
        uint256 count = members.length;
        for (uint256 i = 0; i < count; i++) if (members[i] != address(0)) n++;
    }

    // Filled only at construction.
    function rewardFixed() external {
        uint256 count = fixedList.length;
        for (uint256 i = 0; i < count; i++) credit[fixedList[i]] += 1;
    }

    // A loop over a caller-supplied array is bounded by the caller's own gas.
    function rewardMany(address[] calldata users) external onlyOwner {
        for (uint256 i = 0; i < users.length; i++) credit[users[i]] += 1;
    }
}

// Flagged: any holder grows `holders` through a free transfer, two internal calls deep, and the dividend
// payout loops over all of them.
contract DividendToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => bool) public isHolder;
    mapping(address => uint256) public owed;
    address[] public holders;
    uint256 public immutable totalSupply = 1e24;

    constructor() {
        balanceOf[msg.sender] = totalSupply;
        _addHolder(msg.sender);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        _addHolder(to);
    }

    function _addHolder(address account) private {
        if (!isHolder[account]) {
            isHolder[account] = true;
            holders.push(account);
        }
    }

    function distribute(uint256 amount) external {
        owed[msg.sender] -= amount;
        uint256 count = holders.length;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            owed[holders[i]] += (amount * balanceOf[holders[i]]) / totalSupply;
        }
    }
}

// Flagged: anyone joins a pool's member list, and settling the pool walks all members, also through a
// storage pointer.
contract PooledDraw {
    struct Pool {
        address[] members;
        uint256 pot;
        bool settled;
    }

    mapping(uint256 => Pool) internal pools;
    mapping(address => uint256) public credit;

    function join(uint256 poolId) external payable {
        require(msg.value == 0.01 ether, "ticket");
        pools[poolId].members.push(msg.sender);
        pools[poolId].pot += msg.value;
    }

    function settle(uint256 poolId) external {
        Pool storage pool = pools[poolId];
        require(!pool.settled, "settled");
        pool.settled = true;
        uint256 count = pool.members.length;
        uint256 share = pool.pot / count;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            credit[pool.members[i]] += share;
        }
    }

    function refundAll(uint256 poolId) external {
        uint256 count = pools[poolId].members.length;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            credit[pools[poolId].members[i]] += 0.01 ether;
        }
        delete pools[poolId].members;
    }

    function withdraw() external {
        uint256 amount = credit[msg.sender];
        credit[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw");
    }
}

// Silent: the caller picks the page, so a long list only needs more calls.
contract PagedDistributor {
    address[] public recipients;
    mapping(address => uint256) public credit;

    function register() external {
        recipients.push(msg.sender);
    }

    function creditPage(uint256 start, uint256 count) external {
        uint256 end = start + count;
        if (end > recipients.length) end = recipients.length;
        for (uint256 i = start; i < end; i++) credit[recipients[i]] += 1;
    }

    function creditCapped(uint256 maxItems) external {
        uint256 count = recipients.length;
        for (uint256 i = 0; i < count && i < maxItems; i++) credit[recipients[i]] += 1;
    }
}

// Flagged: the loop sits in a view helper, but `stake()` calls it, so every staker pays for every other.
contract TotalsByLoop {
    address[] public stakers;
    mapping(address => uint256) public stakeOf;
    uint256 public snapshot;

    function stake() external payable {
        if (stakeOf[msg.sender] == 0) stakers.push(msg.sender);
        stakeOf[msg.sender] += msg.value;
        snapshot = _total();
    }

    function _total() internal view returns (uint256 sum) {
        uint256 count = stakers.length;
        for (uint256 i = 0; i < count; i++) sum += stakeOf[stakers[i]]; // expect: unbounded-loop
    }

    // Silent: a view only other views call costs no transaction gas.
    function _countActive() internal view returns (uint256 active) {
        uint256 count = stakers.length;
        for (uint256 i = 0; i < count; i++) if (stakeOf[stakers[i]] > 0) active++;
    }

    function activeStakers() external view returns (uint256) {
        return _countActive();
    }

    function withdraw() external {
        uint256 amount = stakeOf[msg.sender];
        stakeOf[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw");
    }
}

// Flagged: anyone can add a vesting entry for any beneficiary, so a griefer makes the beneficiary's claim
// loop too long to run.
contract VestingBook {
    struct Grant {
        uint256 amount;
        uint256 unlock;
    }

    mapping(address => Grant[]) internal grants;
    mapping(address => Grant[]) internal ownGrants;

    function grant(address beneficiary, uint256 unlock) external payable {
        grants[beneficiary].push(Grant(msg.value, unlock));
    }

    function claim() external {
        Grant[] storage list = grants[msg.sender];
        uint256 count = list.length;
        uint256 total;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            if (list[i].unlock <= block.timestamp) {
                total += list[i].amount;
                list[i].amount = 0;
            }
        }
        (bool ok, ) = msg.sender.call{value: total}("");
        require(ok, "claim");
    }

    // Silent: only the caller grows their own list, so only the caller's own claim gets longer.
    function lock(uint256 unlock) external payable {
        ownGrants[msg.sender].push(Grant(msg.value, unlock));
    }

    function claimOwn() external {
        Grant[] storage list = ownGrants[msg.sender];
        uint256 count = list.length;
        uint256 total;
        for (uint256 i = 0; i < count; i++) {
            if (list[i].unlock <= block.timestamp) {
                total += list[i].amount;
                list[i].amount = 0;
            }
        }
        (bool ok, ) = msg.sender.call{value: total}("");
        require(ok, "claim");
    }
}
