// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract ExternalFunction {
    mapping(address => uint256) public balances;

    function batch(address[] memory users, uint256[] memory amounts) public { // expect: external-function
        for (uint256 i = 0; i < users.length; i++) balances[users[i]] = amounts[i];
    }

    function record(string memory note, bytes memory data) public pure returns (uint256) { // expect: external-function
        return bytes(note).length + data.length;
    }

    function normalize(uint256[] memory values) public pure returns (uint256[] memory) { // expect: external-function
        values[0] = 0;
        return values;
    }
}

contract ExternalLookAlikes {
    function calledInside(uint256[] memory values) public pure returns (uint256) {
        return values.length;
    }

    function caller() external pure returns (uint256) {
        uint256[] memory v = new uint256[](1);
        return calledInside(v);
    }

    function calledByChild(bytes memory data) public pure returns (uint256) {
        return data.length;
    }

    function viaSuper(bytes memory data) public pure virtual returns (uint256) {
        return data.length;
    }

    function scalarsOnly(uint256 a) public pure returns (uint256) {
        return a;
    }

    function alreadyExternal(bytes calldata data) external pure returns (uint256) {
        return data.length;
    }
}

contract ExternalChild is ExternalLookAlikes {
    function useParent() external pure returns (uint256) {
        return calledByChild("");
    }

    function viaSuper(bytes memory data) public pure override returns (uint256) {
        return super.viaSuper(data) + 1;
    }
}
