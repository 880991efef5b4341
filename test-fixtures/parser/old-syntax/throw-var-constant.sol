pragma solidity ^0.4.11;

// Solidity 0.4 idioms: `throw`, `var`, `constant` functions, `suicide`, `sha3`, `now` and time units with `years`.
contract OldToken {
    mapping (address => uint) balances;
    address owner;
    uint public deadline = now + 1 years;
    uint constant LOCK = 2 weeks;

    function OldToken() {
        owner = msg.sender;
    }

    function balanceOf(address who) constant returns (uint balance) {
        return balances[who];
    }

    function total() public constant returns (uint) {
        var sum = 0;
        var (a, b) = pair();
        return sum + a + b;
    }

    function pair() internal constant returns (uint, uint) {
        return (1, 2);
    }

    function transfer(address to, uint value) returns (bool) {
        if (balances[msg.sender] < value) throw;
        if (now > deadline) throw;
        balances[msg.sender] -= value;
        balances[to] += value;
        return true;
    }

    function hash(bytes32 a) constant returns (bytes32) {
        return sha3(a, now, 1 szabo, 2 finney);
    }

    function kill() {
        if (msg.sender != owner) throw;
        suicide(owner);
    }
}
