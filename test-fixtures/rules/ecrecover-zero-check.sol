// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract PermitToken {
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => uint256) public nonces;
    address public signer;

    function permit(address owner, address spender, uint256 value, bytes32 digest, uint8 v, bytes32 r, bytes32 s) external {
        address recovered = ecrecover(digest, v, r, s); // expect: ecrecover-zero-check, signature-malleability
        require(recovered == owner, "bad signature");
        allowance[owner][spender] = value;
    }

    function inlined(bytes32 digest, uint8 v, bytes32 r, bytes32 s, address owner) external view returns (bool) {
        return ecrecover(digest, v, r, s) == owner; // expect: ecrecover-zero-check, signature-malleability
    }
}

contract EcrecoverLookAlikes {
    mapping(address => uint256) public allowanceOf;

    function checked(bytes32 digest, uint8 v, bytes32 r, bytes32 s, address owner) external {
        address recovered = ecrecover(digest, v, r, s); // expect: signature-malleability
        require(recovered != address(0) && recovered == owner, "bad signature");
        allowanceOf[owner] = 1;
    }

    function ownerChecked(bytes32 digest, uint8 v, bytes32 r, bytes32 s, address owner) external {
        require(owner != address(0), "zero owner");
        require(ecrecover(digest, v, r, s) == owner, "bad signature"); // expect: signature-malleability
        allowanceOf[owner] = 1;
    }

    function sender(bytes32 digest, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        return ecrecover(digest, v, r, s) == msg.sender; // expect: signature-malleability
    }

    // A helper that only returns the address leaves the check to its callers.
    function recoverSigner(bytes32 digest, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        return ecrecover(digest, v, r, s); // expect: signature-malleability
    }

    function viaHelper(bytes32 digest, uint8 v, bytes32 r, bytes32 s, address owner) external pure returns (bool) {
        address recovered = recoverSigner(digest, v, r, s);
        return recovered != address(0) && recovered == owner;
    }
}

// A committee report: each recovered signer is looked up in a configured signer set.
contract ReportCommittee {
    address internal constant NO_SIGNER = address(0);
    struct Member {
        bool active;
        uint8 index;
    }
    mapping(address => Member) internal members;
    address public immutable owner = msg.sender;

    // Every signer added is compared with zero first, so looking up address(0) finds no active member.
    function setMembers(address[] calldata signers) external {
        require(msg.sender == owner, "owner");
        for (uint256 i = 0; i < signers.length; i++) {
            if (signers[i] == NO_SIGNER) revert("zero signer");
            members[signers[i]] = Member({active: true, index: uint8(i)});
        }
    }

    function verify(bytes32 h, bytes32[] calldata rs, bytes32[] calldata ss, uint8[] calldata vs) external view returns (uint256 count) {
        for (uint256 i = 0; i < rs.length; i++) {
            address signer = ecrecover(h, vs[i], rs[i], ss[i]); // expect: signature-malleability
            Member memory m = members[signer];
            require(m.active, "not a member");
            count++;
        }
    }

    // An address cut from a hash is zero only for a preimage nobody knows (ecrecover as an EC multiplication).
    function multiplies(uint256 x, uint256 scalar, uint256[2] memory product) external pure returns (bool) {
        address actual = ecrecover(bytes32(0), 27, bytes32(x), bytes32(mulmod(scalar, x, 7))); // expect: signature-malleability
        address expected = address(uint160(uint256(keccak256(abi.encodePacked(product)))));
        return actual == expected;
    }
}

// The same lookup, but the setter never rules out address(0): an owner can enrol it, and then any garbage
// signature counts as that member's. Stored configuration: reported Low.
contract UncheckedCommittee {
    mapping(address => bool) internal isSigner;
    address public immutable owner = msg.sender;

    function addSigner(address signer) external {
        require(msg.sender == owner, "owner");
        isSigner[signer] = true;
    }

    function verify(bytes32 h, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        address recovered = ecrecover(h, v, r, s); // expect: ecrecover-zero-check, signature-malleability
        return isSigner[recovered];
    }
}

// A shared verifier base hands back the raw ecrecover result; its callers must check it.
abstract contract RawVerifier {
    function recoverSigner(bytes32 digest, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        require(uint256(s) <= 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0, "high s");
        return ecrecover(digest, v, r, s);
    }

    // Checked in the helper itself: every caller gets a non-zero address.
    function recoverChecked(bytes32 digest, uint8 v, bytes32 r, bytes32 s) internal pure returns (address signer) {
        require(uint256(s) <= 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0, "high s");
        signer = ecrecover(digest, v, r, s);
        require(signer != address(0), "invalid signature");
    }
}

contract DelegatedVotes is RawVerifier {
    mapping(address => address) public delegates;
    mapping(address => uint256) public nonces;

    // The delegator is a parameter: address(0) with a garbage signature passes.
    function delegateBySig(address delegator, address delegatee, uint256 nonce, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encode(delegator, delegatee, nonce, block.chainid, address(this)));
        require(nonce == nonces[delegator]++, "nonce");
        require(recoverSigner(digest, v, r, s) == delegator, "bad signature"); // expect: ecrecover-zero-check
        delegates[delegator] = delegatee;
    }

    // The caller rules out address(0) before trusting the result.
    function delegateChecked(address delegator, address delegatee, uint256 nonce, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encode(delegator, delegatee, nonce, block.chainid, address(this)));
        require(nonce == nonces[delegator]++, "nonce");
        address signer = recoverSigner(digest, v, r, s);
        require(signer != address(0) && signer == delegator, "bad signature");
        delegates[delegator] = delegatee;
    }

    // The helper checks for zero itself.
    function delegateViaChecked(address delegator, address delegatee, uint256 nonce, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encode(delegator, delegatee, nonce, block.chainid, address(this)));
        require(nonce == nonces[delegator]++, "nonce");
        require(recoverChecked(digest, v, r, s) == delegator, "bad signature");
        delegates[delegator] = delegatee;
    }
}
