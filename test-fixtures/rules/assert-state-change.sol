// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract AssertStateChange {
    uint256 public counter;
    mapping(address => uint256) public balances;

    function bump() internal returns (uint256) {
        return ++counter;
    }

    function current() internal view returns (uint256) {
        return counter;
    }

    function pay(uint256 amount) external {
        assert(payable(msg.sender).send(amount)); // expect: assert-state-change, transfer-gas-stipend
        assert((counter += 1) > 0); // expect: assert-state-change
        assert(bump() > 0); // expect: assert-state-change
    }

    function lookAlikes(uint256 amount) external view {
        assert(current() == counter);
        assert(balances[msg.sender] >= amount);
        assert(amount + 1 > amount);
    }
}
