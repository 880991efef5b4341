// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// Like USDT: transfer and approve return nothing, so callers using the standard IERC20 revert.
contract NonStandardToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalSupply;

    function transfer(address to, uint256 amount) external { // expect: incorrect-erc20-interface
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
    }

    function approve(address spender, uint256 amount) external { // expect: incorrect-erc20-interface
        allowance[msg.sender][spender] = amount; // expect: erc20-approve-race
    }

    function transferFrom(address from, address to, uint256 amount) external returns (uint256) { // expect: incorrect-erc20-interface
        allowance[from][msg.sender] -= amount;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        return amount;
    }
}

contract StandardToken {
    mapping(address => uint256) public balanceOf;

    function transfer(address to, uint256 amount) external returns (bool) {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        return true;
    }
}

// Declaring USDT's real signature in an interface is how careful callers talk to it.
interface IUSDT {
    function balanceOf(address) external view returns (uint256);
    function transfer(address to, uint256 amount) external;
}

// Not a token: a vault's admin `transfer` of ownership is no ERC-20 function.
contract OwnedVault {
    address public owner = msg.sender; // expect: immutable-states

    function transfer(address newOwner, uint256 delay) external view {
        require(msg.sender == owner && delay > 0 && newOwner != address(0), "no");
    }
}

// ERC-721's transferFrom returns nothing on purpose.
contract NftLike {
    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;

    function transferFrom(address from, address to, uint256 id) external {
        require(ownerOf[id] == from, "owner");
        ownerOf[id] = to;
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
    }
}
