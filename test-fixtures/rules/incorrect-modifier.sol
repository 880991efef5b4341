// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract IncorrectModifier {
    address public immutable owner = msg.sender;
    bool public paused;
    uint256 public price = 1 ether;
    uint256 public counter;

    modifier onlyOwner() { // expect: incorrect-modifier
        if (msg.sender == owner) {
            _;
        }
    }

    modifier whenFunded(uint256 amount) { // expect: incorrect-modifier
        if (amount < price) return;
        _;
    }

    modifier checked() {
        require(msg.sender == owner, "owner");
        _;
    }

    modifier either() {
        if (paused) {
            revert("paused");
        } else {
            _;
        }
    }

    modifier afterwards() {
        _;
        if (paused) return;
        price += 1;
    }

    modifier custom() {
        if (msg.sender != owner) revert();
        _;
    }

    function record(uint256 amount) external onlyOwner whenFunded(amount) checked either afterwards custom {
        counter += amount;
    }
}
