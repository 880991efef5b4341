// SPDX-License-Identifier: MIT
pragma solidity 0.4.24; // expect: outdated-compiler

contract OldToken { // expect: locked-ether
    mapping(address => uint256) public balances;
    uint256 public totalSupply;
    uint256 public constant CAP = 1000;

    function batchTransfer(address[] receivers, uint256 value) public {
        uint256 amount = receivers.length * value; // expect: integer-overflow
        require(balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
        for (uint256 i = 0; i < receivers.length; i += 1) {
            balances[receivers[i]] += value; // expect: integer-overflow
        }
    }

    function burn(uint256 value) public {
        balances[msg.sender] -= value; // expect: integer-overflow
        totalSupply = totalSupply - value; // expect: integer-overflow
    }

    function deposit() public payable {
        balances[msg.sender] = balances[msg.sender] + msg.value; // expect: integer-overflow
    }
}

contract OldTokenLookAlikes {
    mapping(address => uint256) public balances;
    uint256 public constant CAP = 1000;

    // Subtraction after the matching require cannot underflow.
    function transfer(address to, uint256 value) public {
        require(balances[msg.sender] >= value);
        balances[msg.sender] -= value;
        uint256 sum = balances[to] + value;
        require(sum >= balances[to]);
        balances[to] = sum;
    }

    // Constants and literals only.
    function doubled() public pure returns (uint256) {
        return CAP * 2;
    }

    // Local-only arithmetic with no input.
    function count() public pure returns (uint256 total) {
        for (uint256 i = 0; i < 10; i++) {
            total = total + 1;
        }
    }
}

library UncheckedHelpers {
    // An internal helper's arguments come from the contract's code; the bound belongs to the caller.
    function half(uint256 y) internal pure returns (uint256) {
        return y / 2 + 1;
    }

    // The post-check idiom.
    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        require((z = x - y) <= x, "underflow");
    }
}

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256 c) {
        c = a + b;
        require(c >= a);
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256 c) {
        if (a == 0) return 0;
        c = a * b;
        require(c / a == b);
    }
}

contract SafeToken {
    using SafeMath for uint256;
    mapping(address => uint256) public balances;

    function mint(address to, uint256 value) public {
        balances[to] = balances[to].add(value);
    }
}

// Look-alikes: a wide counter stepped by one cannot wrap in any number of transactions; a narrow one can.
contract PoolCounters {
    uint256 public nextPoolNonce;
    uint8 public epoch;
    mapping(bytes32 => bool) public registered;

    function registerPool() public returns (bytes32 poolId) {
        poolId = keccak256(abi.encode(msg.sender, nextPoolNonce));
        registered[poolId] = true;
        nextPoolNonce += 1;
    }

    function advanceEpoch() public {
        epoch = epoch + 1; // expect: integer-overflow
    }

    // Low: a getter's wrapped answer books nothing.
    function scaledNonce(uint256 factor) public view returns (uint256) {
        return nextPoolNonce * factor; // expect: integer-overflow
    }
}

// The shape of BEC's real code: SafeMath for the transfers, one raw product on the caller's input. Reported Medium
// at low confidence; raw arithmetic on state alone in a SafeMath contract is left to the author.
contract SafeMathBatchToken {
    using SafeMath for uint256;
    mapping(address => uint256) public balances;
    uint256 public lastMint;

    function batchTransfer(address[] receivers, uint256 value) public {
        uint256 total = receivers.length * value; // expect: integer-overflow
        require(balances[msg.sender] >= total);
        balances[msg.sender] -= total;
        for (uint256 i = 0; i < receivers.length; i++) {
            balances[receivers[i]] = balances[receivers[i]].add(value);
        }
    }

    function mint(address to, uint256 value) public {
        uint256 elapsed = block.timestamp - lastMint;
        require(elapsed > 1 days);
        balances[to] = balances[to].add(value);
        lastMint = block.timestamp;
    }
}

// Look-alikes in a SafeMath contract: a bounded share of a value subtracted from it, and a difference checked by
// the condition that selects it.
contract SafeMathFeeSweeper {
    using SafeMath for uint256;
    mapping(address => uint256) public balances;

    function sweepWithFee(uint256 feeBips, address recipient, address feeRecipient) public {
        require(feeBips > 0 && feeBips <= 100);
        uint256 balance = balances[msg.sender];
        uint256 fee = balance.mul(feeBips) / 10000;
        balances[msg.sender] = 0;
        balances[feeRecipient] = balances[feeRecipient].add(fee);
        balances[recipient] = balances[recipient].add(balance - fee);
    }

    function owedBeyond(uint256 reserve, uint256 out, uint256 balance) public pure returns (uint256) {
        require(out < reserve);
        return balance > reserve - out ? balance - (reserve - out) : 0;
    }
}
