// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract ConstableStates {
    uint256 public fee = 30; // expect: constable-states
    string internal name = "Vault"; // expect: constable-states
    bytes32 private role = keccak256("ADMIN"); // expect: constable-states
    uint256 public cap = 10 ** 18 * 1_000; // expect: constable-states
    uint256 public constant MAX = 100;
    uint256 public limit = MAX / 2; // expect: constable-states

    function price(uint256 amount) external view returns (uint256) {
        return amount * fee * limit / cap + uint256(role) + bytes(name).length;
    }
}

contract ConstableLookAlikes {
    uint256 public written = 1;
    uint256 public writtenByChild = 2;
    uint256 public deleted = 3;
    uint256 public counter = 0;
    uint256 public fromSender = block.number; // expect: immutable-states
    uint256[] public list;
    uint256 public slotAccessed = 7;
    uint256 public constant ALREADY = 5;
    uint256 public immutable fixedAtDeploy = 6;

    function set(uint256 v) external {
        written = v;
        delete deleted;
        counter++;
    }

    function slot() external view returns (bytes32 s) {
        assembly {
            s := slotAccessed.slot
        }
    }
}

contract ConstableChild is ConstableLookAlikes {
    function bump() external {
        writtenByChild += 1;
    }
}

// Behind a proxy a variable cannot move out of storage without shifting the layout.
contract Initializable {
    bool private initialized;

    modifier initializer() {
        require(!initialized, "initialized");
        initialized = true;
        _;
    }
}

contract UpgradeableVault is Initializable { // expect: missing-disable-initializers
    uint256 public feeBps = 30; // expect: upgradeable-constructor
    address public admin;

    function initialize(address admin_) external initializer {
        admin = admin_; // expect: missing-zero-check
    }
}
