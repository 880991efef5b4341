// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract StoragePacking { // expect: storage-packing
    bool public active;
    uint256 public totalSupply;
    address public lastCaller;
    mapping(address => uint256) public balances;
    uint64 public lastUpdate;

    function set(bool p, uint256 s, address o, uint64 t) external {
        active = p;
        totalSupply = s;
        lastCaller = msg.sender;
        lastUpdate = t;
        balances[o] = s + t;
    }
}

contract PackedLookAlike {
    enum Phase { Open, Closed }

    address public lastCaller;
    Phase public phase;
    bool public active;
    uint64 public lastUpdate;
    uint256 public totalSupply;
    uint128 public reserve0;
    uint128 public reserve1;

    function set(Phase ph, bool p, uint64 t, uint256 s, uint128 r0, uint128 r1) external {
        phase = ph;
        active = p;
        lastUpdate = t;
        totalSupply = s;
        reserve0 = r0;
        reserve1 = r1;
        lastCaller = msg.sender;
    }
}
