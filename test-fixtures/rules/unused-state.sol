// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract UnusedState {
    uint256 private maxWithdrawal; // expect: unused-state
    address internal feeCollector; // expect: unused-state
    uint256 private balance;

    function deposit(uint256 amount) external {
        balance += amount;
    }
}

contract UnusedStateLookAlikes {
    uint256 public exposedByGetter;
    uint256 internal usedByChild;
    uint256[50] private __gap;
    uint256 private slotOnly;
    uint256 private readInInitialiser = 3; // expect: constable-states
    uint256 private derived = readInInitialiser * block.number; // expect: immutable-states

    function slot() external pure returns (bytes32 s) {
        assembly {
            s := slotOnly.slot
        }
    }

    function get() external view returns (uint256) {
        return derived;
    }
}

contract UnusedStateChild is UnusedStateLookAlikes {
    function useParent() external view returns (uint256) {
        return usedByChild;
    }
}

// Internal variables of an abstract contract are there for inheritors outside this project.
abstract contract UnusedStateBase {
    uint256 internal forInheritors;
}

contract UnusedStateLayoutPlaceholder {
    uint256 private active;

    // Deprecated. Kept to preserve the storage layout of inheriting contracts.
    string private _legacyName;

    function bump() external {
        active += 1;
    }
}
