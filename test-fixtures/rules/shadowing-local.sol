// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract SupplyBase {
    uint256 public totalSupply;
    address private secretKeeper;

    function keeper() external view returns (address) {
        return secretKeeper;
    }
}

contract ShadowingLocal is SupplyBase {
    address public immutable owner = msg.sender;
    mapping(address => uint256) public balances;

    function mint(address to, uint256 totalSupply) external { // expect: shadowing-local
        require(msg.sender == owner, "owner");
        balances[to] += totalSupply;
    }

    function transferOwnership(address newOwner) external returns (address owner) { // expect: shadowing-local
        owner = newOwner;
    }

    function lookAlikes(address secretKeeper, uint256 totalSupply_) external view returns (uint256) {
        uint256 supply = totalSupply + totalSupply_;
        return secretKeeper == owner ? supply : 0;
    }
}

interface ISupply {
    function set(uint256 totalSupply) external;
}
