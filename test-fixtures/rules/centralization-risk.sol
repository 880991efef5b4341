// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

contract ManagedToken is ERC20, Ownable { // expect: centralization-risk
    bool public paused;
    mapping(address => bool) public blacklisted;

    event Paused(bool paused);
    event Blacklisted(address account, bool value);

    constructor() ERC20("M", "M") Ownable(msg.sender) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    function setPaused(bool value) external onlyOwner {
        paused = value;
        emit Paused(value);
    }

    function setBlacklisted(address account, bool value) external onlyOwner {
        blacklisted[account] = value;
        emit Blacklisted(account, value);
    }

    // Withdrawing the contract's own ETH is routine administration, not listed.
    function withdraw(address payable to) external onlyOwner {
        require(to != address(0), "zero");
        (bool ok, ) = to.call{value: address(this).balance}("");
        require(ok, "failed");
    }

    receive() external payable {}
}

// Only ownership management is restricted: that is the mechanism, not a power over users.
contract OwnedRegistry is Ownable {
    mapping(address => string) public names;

    constructor() Ownable(msg.sender) {}

    function register(string calldata name) external {
        names[msg.sender] = name;
    }
}
