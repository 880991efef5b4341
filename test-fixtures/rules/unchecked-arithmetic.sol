// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract GasSavingVault { // expect: locked-ether
    mapping(address => uint256) public shares;
    uint256 public totalShares;

    function withdraw(uint256 amount) external {
        unchecked {
            shares[msg.sender] -= amount; // expect: unchecked-arithmetic
        }
    }

    function scaled(uint256 amount, uint256 factor) external {
        unchecked {
            uint256 credit = amount * factor; // expect: unchecked-arithmetic
            shares[msg.sender] = credit;
        }
    }

    function deposit() external payable {
        unchecked {
            totalShares = totalShares + msg.value; // expect: unchecked-arithmetic
        }
    }
}

contract UncheckedLookAlikes {
    mapping(address => uint256) public balances;
    uint256 public totalSupply;
    address[] public holders;

    // The loop-counter idiom.
    function count() external view returns (uint256 n) {
        uint256 length = holders.length;
        for (uint256 i = 0; i < length; ) {
            n += 1;
            unchecked {
                ++i;
            }
        }
    }

    // Bounded by the comparison before the block.
    function burn(uint256 value) external {
        uint256 balance = balances[msg.sender];
        if (balance < value) revert("insufficient");
        unchecked {
            balances[msg.sender] = balance - value;
            totalSupply -= value;
        }
    }

    // Bounded by a checked addition before the block (OpenZeppelin ERC20 mint shape).
    function mint(address to, uint256 value) external {
        totalSupply += value;
        unchecked {
            balances[to] += value;
        }
    }

    // Pure math helpers wrap on purpose.
    function average(uint256 a, uint256 b) external pure returns (uint256) {
        unchecked {
            return (a & b) + (a ^ b) / 2;
        }
    }

    // State-only arithmetic is not caller input.
    function bump() external {
        unchecked {
            totalSupply = totalSupply * 2;
        }
    }
}
