// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

library ECDSA {
    function recover(bytes32 hash, bytes memory signature) internal pure returns (address) {
        (bytes32 r, bytes32 s, uint8 v) = abi.decode(signature, (bytes32, bytes32, uint8));
        if (uint256(s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) revert();
        address signer = ecrecover(hash, v, r, s);
        require(signer != address(0));
        return signer;
    }
}

contract Payouts {
    address public immutable owner = msg.sender;
    mapping(address => uint256) public paid;
    mapping(address => uint256) public nonces;

    function payout(address to, uint256 amount, bytes calldata signature) external {
        bytes32 digest = keccak256(abi.encodePacked(to, amount));
        require(ECDSA.recover(digest, signature) == owner, "bad"); // expect: signature-replay
        paid[to] += amount;
    }

    function payoutWithNonce(address to, uint256 amount, bytes calldata signature) external {
        bytes32 digest = keccak256(abi.encode(to, amount, nonces[to]++));
        require(ECDSA.recover(digest, signature) == owner, "bad"); // expect: signature-replay
        paid[to] += amount;
    }
}

contract LegacyDomain {
    bytes32 public constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,string version)"); // expect: signature-replay
}

contract SignatureReplayLookAlikes {
    address public immutable owner = msg.sender;
    mapping(address => uint256) public nonces;
    mapping(bytes32 => bool) public executed;
    bytes32 public constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    // Nonce, chain id and contract address are all bound.
    function full(address to, uint256 amount, bytes calldata signature) external {
        bytes32 digest = keccak256(abi.encode(block.chainid, address(this), to, amount, nonces[to]++));
        require(ECDSA.recover(digest, signature) == owner, "bad");
    }

    // The digest is marked used instead of a nonce.
    function marked(address to, uint256 amount, bytes calldata signature) external {
        bytes32 digest = keccak256(abi.encode(block.chainid, address(this), to, amount));
        require(!executed[digest], "done");
        executed[digest] = true;
        require(ECDSA.recover(digest, signature) == owner, "bad");
    }

    // EIP-712 domains bind the chain and the contract.
    function typed(address to, uint256 amount, uint256 nonce, bytes32 domainSeparator, bytes calldata signature) external view returns (bool) {
        bytes32 structHash = keccak256(abi.encode(keccak256("Pay(address to,uint256 amount,uint256 nonce)"), to, amount, nonce));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
        return ECDSA.recover(digest, signature) == owner;
    }

    // A hash handed in by the caller is judged where it is built.
    function verify(bytes32 hash, bytes calldata signature) external view returns (bool) {
        return ECDSA.recover(hash, signature) == owner;
    }
}

contract HelperBuiltMessage {
    address public immutable owner = msg.sender;
    mapping(address => uint256) public nonces;
    mapping(address => bool) public airdropped;

    function messageHash(address to, uint256 amount) internal returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), to, amount, nonces[to]++));
    }

    // The helper adds the nonce, chain id and contract address.
    function claim(address to, uint256 amount, bytes calldata signature) external {
        bytes32 digest = messageHash(to, amount);
        require(ECDSA.recover(digest, signature) == owner, "bad");
    }

    // One claim per caller, marked in a mapping keyed by a value inside the message.
    function airdrop(uint256 amount, bytes calldata signature) external {
        bytes32 digest = keccak256(abi.encode(block.chainid, address(this), msg.sender, amount));
        require(!airdropped[msg.sender], "done");
        airdropped[msg.sender] = true;
        require(ECDSA.recover(digest, signature) == owner, "bad");
    }
}

library MessageHashUtils {
    function toEthSignedMessageHash(bytes32 hash) internal pure returns (bytes32 digest) {
        digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", hash));
    }
}

contract WrapsCallerHash {
    using MessageHashUtils for bytes32;
    address public immutable owner = msg.sender;

    // The caller built the hash; wrapping it in the EIP-191 prefix does not make it built here.
    function isSigned(bytes32 hash, bytes calldata signature) external view returns (bool) {
        return ECDSA.recover(hash.toEthSignedMessageHash(), signature) == owner;
    }
}
