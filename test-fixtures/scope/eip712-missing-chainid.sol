// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

// Scope case for eip712-missing-chainid: the separator built in the constructor is a cache without refresh
// unless some other function compares the chain id, so the (silent) verdict on the constructor depends on the
// body of `domainSeparator` (emptying it removes the comparison, and the `cached` finding appears).

contract CheckedDomain {
    bytes32 private constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,uint256 chainId,address verifyingContract)");
    bytes32 private immutable cachedSeparator;
    uint256 private immutable cachedChainId;

    constructor() {
        cachedChainId = block.chainid;
        cachedSeparator = keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("CheckedDomain"), block.chainid, address(this)));
    }

    function domainSeparator() external view returns (bytes32) {
        require(block.chainid == cachedChainId, "chain changed");
        return cachedSeparator;
    }
}
