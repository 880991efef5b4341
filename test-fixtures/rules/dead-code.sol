// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract DeadCode {
    uint256 public price;

    function setPrice(uint256 newPrice) external {
        _validate(newPrice);
        price = newPrice;
    }

    function _validate(uint256 value) internal pure {
        require(value > 0, "zero");
    }

    function _checkDeviation(uint256 value) internal view { // expect: dead-code
        require(value < price * 2, "deviation");
    }

    function _unusedPrivate() private pure returns (uint256) { // expect: dead-code
        return 1;
    }
}

contract DeadCodeLookAlikes {
    function _usedByChild() internal pure returns (uint256) {
        return 1;
    }

    function _hook() internal virtual {}

    function run() external {
        _hook();
    }

    function pointer() external pure returns (uint256) {
        function() internal pure returns (uint256) f = _asValue;
        return f();
    }

    function _asValue() internal pure returns (uint256) {
        return 2;
    }
}

contract DeadCodeChild is DeadCodeLookAlikes {
    function useParent() external pure returns (uint256) {
        return _usedByChild();
    }
}

// Internal functions of libraries and abstract contracts are an API for other code.
library MathLib {
    function double(uint256 x) internal pure returns (uint256) {
        return x * 2;
    }
}

abstract contract BaseHooks {
    function _beforeTransfer() internal {}
}

// A concrete contract with virtual functions is built to be extended: its internal functions are its API.
contract ExtensibleToken {
    mapping(address => uint256) public balances;

    function balanceOf(address who) public view virtual returns (uint256) {
        return balances[who];
    }

    function _mint(address to, uint256 amount) internal {
        balances[to] += amount;
    }
}
