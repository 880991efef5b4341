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
