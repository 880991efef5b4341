// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract HardcodedChain {
    bytes32 public constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    function domainSeparator() public view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("Token"), keccak256("1"), 1, address(this))); // expect: eip712-missing-chainid
    }
}

contract CachedForever {
    bytes32 public immutable DOMAIN_SEPARATOR;

    constructor() {
        DOMAIN_SEPARATOR = keccak256( // expect: eip712-missing-chainid
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Token"),
                keccak256("1"),
                block.chainid,
                address(this)
            )
        );
    }
}

contract Eip712LookAlikes {
    bytes32 private constant TYPE_HASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private immutable cachedSeparator;
    uint256 private immutable cachedChainId;

    constructor() {
        cachedChainId = block.chainid;
        cachedSeparator = build();
    }

    // OpenZeppelin's shape: cached, and rebuilt when the chain id changes.
    function domainSeparator() public view returns (bytes32) {
        if (block.chainid == cachedChainId) return cachedSeparator;
        return build();
    }

    function build() private view returns (bytes32) {
        return keccak256(abi.encode(TYPE_HASH, keccak256("Token"), keccak256("1"), block.chainid, address(this)));
    }
}

contract AssemblyChainId {
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,uint256 chainId,address verifyingContract)");

    // The chain id read in assembly on every call.
    function domainSeparator() public view returns (bytes32) {
        uint256 chainId;
        assembly {
            chainId := chainid()
        }
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("Token"), chainId, address(this)));
    }
}
