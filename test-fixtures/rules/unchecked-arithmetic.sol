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

// Look-alikes: inputs a validation helper checked first. Inputs only a checked caller chooses stay reported, as Low.
contract ValidatedTokenIds {
    mapping(uint256 => address) internal owners;
    mapping(bytes32 => uint256) public poolFees;
    uint256 internal nextTokenId;
    address public immutable feeManager;

    constructor(address manager) {
        feeManager = manager;
    }

    modifier onlyFeeManager() {
        if (msg.sender != feeManager) revert("fee manager");
        _;
    }

    function transfer(address to, uint256 tokenId) external {
        address owner = ownerOf(tokenId);
        require(owner == msg.sender, "owner");
        owners[tokenId] = to;
        unchecked {
            uint256 next = tokenId + 1;
            if (owners[next] == address(0) && next != nextTokenId) owners[next] = owner; // expect: uninitialized-state
        }
    }

    // Low: the fee manager sums fees it computed itself; no outsider reaches the block.
    function onFeePaid(bytes32[] calldata pools, uint256[] calldata amounts) external onlyFeeManager returns (uint256 total) {
        for (uint256 i; i < pools.length; ++i) {
            unchecked {
                poolFees[pools[i]] += amounts[i]; // expect: unchecked-arithmetic
                total += amounts[i]; // expect: unchecked-arithmetic
            }
        }
    }

    // Still reported: the helper reads the id but compares nothing.
    function touch(uint256 tokenId) external view returns (uint256) {
        address owner = peek(tokenId);
        unchecked {
            return uint256(uint160(owner)) + tokenId; // expect: unchecked-arithmetic
        }
    }

    function ownerOf(uint256 tokenId) public view returns (address) {
        if (tokenId >= nextTokenId) revert("nonexistent"); // expect: uninitialized-state
        return owners[tokenId];
    }

    function peek(uint256 tokenId) internal view returns (address) {
        return owners[tokenId];
    }
}

// An internal helper's unchecked debit, reached with the caller's amount by an entry point that checks nothing:
// the wrap is as caller-chosen as in the entry point itself. The base is shared; the product built on it forgets
// the check its sibling makes.
abstract contract SharesLedger {
    mapping(address => uint256) public shares;
    mapping(address => uint256) public owed;
    uint256 public totalShares;

    function _burn(address owner, uint256 amount) internal {
        unchecked {
            shares[owner] -= amount; // expect: unchecked-arithmetic
            totalShares -= amount; // expect: unchecked-arithmetic
        }
    }

    function _credit(address owner, uint256 amount) internal {
        unchecked {
            shares[owner] += amount;
        }
    }
}

contract FastRedeemVault is SharesLedger {
    function redeem(uint256 amount) external {
        _burn(msg.sender, amount);
        owed[msg.sender] += amount;
    }
}

// Look-alikes: every entry point checks the amount before the helper wraps, or the helper's input is the contract's
// own (a constant bonus, a checked sum).
contract CheckedRedeemVault is SharesLedger { // expect: locked-ether
    function redeem(uint256 amount) external {
        if (shares[msg.sender] < amount) revert("shares");
        _burn(msg.sender, amount);
        owed[msg.sender] += amount;
    }

    function deposit() external payable {
        totalShares += msg.value;
        _credit(msg.sender, msg.value);
    }

    function loyaltyBonus() external {
        _credit(msg.sender, 10);
    }
}
