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

// The signed message is only the caller's opaque bytes: an EIP-191 prefix around a hash handed in, or an
// oracle committee's report plus its context (config digest, epoch and round, checked where the report is
// decoded). Neither is laid out here, so neither is judged here.
contract OpaqueMessages {
    mapping(address => bool) internal isOracle;
    mapping(address => bool) internal isOwner;
    bytes32 public latestConfigDigest;
    uint32 public latestEpoch;

    function checkEthSigned(bytes32 dataHash, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        address signer = ecrecover(keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", dataHash)), v, r, s); // expect: signature-malleability
        return signer != address(0) && isOwner[signer];
    }

    function transmit(bytes32[3] calldata reportContext, bytes calldata report, bytes32[] calldata rs, bytes32[] calldata ss, bytes32 rawVs) external {
        require(reportContext[0] == latestConfigDigest, "config digest");
        uint32 epoch = uint32(uint256(reportContext[1]) >> 8);
        require(epoch > latestEpoch, "stale report");
        latestEpoch = epoch;
        bytes32 h = keccak256(abi.encodePacked(keccak256(report), reportContext));
        for (uint256 i = 0; i < rs.length; i++) {
            address signer = ecrecover(h, uint8(rawVs[i]) + 27, rs[i], ss[i]); // expect: signature-malleability
            require(signer != address(0) && isOracle[signer], "not an oracle");
        }
    }

    // ecrecover as an elliptic-curve multiplication: `mulmod` computes, it signs no message.
    function multiply(uint256[2] memory p, uint256 s, uint256 c, address witness) external pure returns (bool) {
        require(witness != address(0), "bad witness");
        bytes32 pseudoHash = bytes32(7 - mulmod(p[0], s, 7));
        return ecrecover(pseudoHash, 27, bytes32(p[0]), bytes32(mulmod(c, p[0], 7))) == witness; // expect: signature-malleability
    }
}

// A bridge quote names its chains by endpoint id and carries a nonce; only the contract address is missing,
// so a replay needs a second contract trusting the same quote signer (reported Low).
contract QuoteChecker {
    address public immutable quoteSigner = msg.sender;
    mapping(bytes32 => bool) public usedNonces;

    function check(uint32 srcEid, uint32 dstEid, uint256 amount, bytes32 nonce, bytes calldata signature) external {
        require(!usedNonces[nonce], "used");
        usedNonces[nonce] = true;
        bytes32 digest = keccak256(abi.encode(srcEid, dstEid, amount, nonce));
        require(ECDSA.recover(digest, signature) == quoteSigner, "bad quote"); // expect: signature-replay
    }
}

contract CrossChainDomain {
    // Chain-bound but not contract-bound: replay needs a contract of the same name and version (Medium).
    bytes32 public constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,string version,uint256 chainId)"); // expect: signature-replay
}

library AddressSet {
    struct Set {
        mapping(address => bool) has;
    }

    function add(Set storage set, address account) internal returns (bool) {
        if (set.has[account]) return false;
        set.has[account] = true;
        return true;
    }
}

// The signature grants a place on an allow-list to the signed recipient: replaying it re-adds the same entry.
contract TermsAcceptance {
    using AddressSet for AddressSet.Set;
    address public immutable termsSigner = msg.sender;
    AddressSet.Set private allowed;

    function accept(address recipient, bytes calldata signature) external {
        bytes32 digest = keccak256(abi.encode(block.chainid, address(this), recipient));
        require(ECDSA.recover(digest, signature) == termsSigner, "bad");
        require(msg.sender == recipient, "not yours");
        allowed.add(recipient);
    }
}
