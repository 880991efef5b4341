// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IHook {
    function onDeposit(address from, uint256 amount) external;
}

contract Notifier {
    IHook public immutable trustedHook;
    mapping(address => uint256) public deposits;
    event Deposited(address indexed from, uint256 amount);

    constructor(IHook hook) {
        trustedHook = hook;
    }

    function deposit(IHook hook, uint256 amount) external {
        deposits[msg.sender] += amount;
        hook.onDeposit(msg.sender, amount); // expect: reentrancy-events
        emit Deposited(msg.sender, amount);
    }

    // The event comes first.
    function depositEmitFirst(IHook hook, uint256 amount) external {
        deposits[msg.sender] += amount;
        emit Deposited(msg.sender, amount);
        hook.onDeposit(msg.sender, amount);
    }

    // A stored hook chosen by the deployer is not caller-controlled.
    function depositTrusted(uint256 amount) external {
        deposits[msg.sender] += amount;
        trustedHook.onDeposit(msg.sender, amount);
        emit Deposited(msg.sender, amount);
    }
}
