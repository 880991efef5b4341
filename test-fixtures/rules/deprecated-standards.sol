pragma solidity 0.4.24; // expect: outdated-compiler

contract DeprecatedStandards {
    address owner;
    uint256 public lockedUntil;
    mapping(address => uint256) public balances;

    function kill() public {
        if (msg.sender != owner) throw; // expect: deprecated-standards
        suicide(owner); // expect: deprecated-standards
    }

    function digest(uint256 x) public constant returns (bytes32) { // expect: deprecated-standards
        return sha3(x); // expect: deprecated-standards
    }

    function lock() public {
        lockedUntil = now + 1 years; // expect: deprecated-standards
        uint256 half = lockedUntil / 2 years; // expect: deprecated-standards
    }

    function randomish() public view returns (bytes32) {
        return block.blockhash(block.number - 1); // expect: deprecated-standards
    }

    function gasLeft() public view returns (uint256) {
        return msg.gas; // expect: deprecated-standards
    }

    function loop() public {
        for (var i = 0; i < 10; i++) { // expect: deprecated-standards
            balances[msg.sender] = i;
        }
        uint256 limit = balances[msg.sender];
        var copy = limit; // expect: deprecated-standards
        balances[msg.sender] = copy;
        var (low, high) = bounds(); // expect: deprecated-standards
        balances[msg.sender] = low + high;
    }

    function bounds() internal pure returns (uint256, uint256) {
        return (1, 2);
    }

    function legacyCall(address lib) public {
        require(lib.callcode(bytes4(keccak256("f()")))); // expect: deprecated-standards, controlled-delegatecall
    }
}

contract DeprecatedLookAlikes {
    uint256 public lockedUntil;

    // A contract may define its own `sha3`; calling it is not the deprecated builtin.
    function sha3(uint256 x) internal pure returns (bytes32) { // expect: shadowing-builtin
        return keccak256(x);
    }

    function useOwn() public pure returns (bytes32) {
        return sha3(1);
    }

    function lock(uint256 now_) public {
        lockedUntil = now_ > 365 days ? now_ : block.timestamp;
    }

    function checked(bool ok) public pure {
        if (!ok) revert();
    }
}
