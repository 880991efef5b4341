// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

interface IERC721Mintable {
    function mint(address to, uint256 tokenId) external;
}

interface IFeeManager {
    function processFee(bytes calldata payload, address sender) external payable;
}

interface IClaimVerifier {
    function verify(address to, uint256 amount, bytes calldata signature) external returns (bool);
}

library ECDSA {
    function recover(bytes32 hash, bytes memory signature) internal pure returns (address) {
        require(signature.length == 65, "length");
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly {
            r := mload(add(signature, 0x20))
            s := mload(add(signature, 0x40))
            v := byte(0, mload(add(signature, 0x60)))
        }
        require(uint256(s) <= 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0, "s");
        address signer = ecrecover(hash, v, r, s);
        require(signer != address(0), "zero");
        return signer;
    }
}

abstract contract SignedClaims {
    bytes32 internal constant CLAIM_TYPEHASH = keccak256("Claim(address to,uint256 amount,uint256 nonce,uint256 deadline)");
    address public immutable signer;
    IERC20 public immutable rewardToken;
    mapping(address => uint256) public nonces;

    constructor(address signer_, IERC20 rewardToken_) {
        require(signer_ != address(0), "signer");
        signer = signer_;
        rewardToken = rewardToken_;
    }

    function _domainSeparator() internal view returns (bytes32) {
        return keccak256(abi.encode(keccak256("EIP712Domain(string name,uint256 chainId,address verifyingContract)"), keccak256("Rewards"), block.chainid, address(this)));
    }

    function _digest(bytes32 structHash) internal view returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", _domainSeparator(), structHash));
    }

    function _checkSigner(bytes32 digest, bytes calldata signature) internal view {
        require(ECDSA.recover(digest, signature) == signer, "bad signature");
    }
}

contract Rewards is SignedClaims {
    struct Claim {
        address to;
        uint256 amount;
        uint256 nonce;
        uint256 deadline;
    }

    IERC721Mintable public immutable badges;
    IClaimVerifier public immutable verifier;

    constructor(address signer_, IERC20 rewardToken_, IERC721Mintable badges_, IClaimVerifier verifier_) SignedClaims(signer_, rewardToken_) {
        badges = badges_;
        verifier = verifier_;
    }

    // The signature binds the caller and a nonce, but not the amount paid.
    function claim(address to, uint256 amount, bytes calldata signature) external {
        bytes32 digest = _digest(keccak256(abi.encode(msg.sender, nonces[msg.sender]++, block.chainid)));
        _checkSigner(digest, signature);
        require(rewardToken.transfer(to, amount), "transfer failed"); // expect: signature-unbound-parameters
    }

    // Only the recipient is signed: anyone holding the signature picks the amount.
    function claimFor(address to, uint256 amount, uint256 nonce, bytes calldata signature) external {
        require(nonce == nonces[to]++, "nonce");
        bytes32 digest = _digest(keccak256(abi.encode(to, nonce)));
        require(ECDSA.recover(digest, signature) == signer, "bad signature");
        _pay(to, amount); // expect: signature-unbound-parameters
    }

    // The amount is signed but neither the caller nor the recipient: a front-runner redirects the payout.
    function claimAmount(address to, uint256 amount, uint256 nonce, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = _digest(keccak256(abi.encode(amount, nonce)));
        address recovered = ecrecover(digest, v, r, s); // expect: signature-malleability
        require(recovered != address(0) && recovered == signer, "bad signature");
        require(nonce == nonces[recovered]++, "nonce");
        require(rewardToken.transfer(to, amount), "transfer failed"); // expect: signature-unbound-parameters
    }

    // The token id is not signed: one badge signature mints any id.
    function mintBadge(uint256 tokenId, uint256 nonce, bytes calldata signature) external {
        bytes32 digest = _digest(keccak256(abi.encode(msg.sender, nonce)));
        require(nonce == nonces[msg.sender]++, "nonce");
        _checkSigner(digest, signature);
        badges.mint(msg.sender, tokenId); // expect: signature-unbound-parameters
    }

    function _pay(address to, uint256 amount) internal {
        require(rewardToken.transfer(to, amount), "transfer failed");
    }

    // Look-alikes that stay silent.

    // Every value-moving parameter is in the message; the deadline is checked on its own.
    function claimSigned(address to, uint256 amount, uint256 deadline, bytes calldata signature) external {
        require(block.timestamp <= deadline, "expired");
        bytes32 digest = _digest(keccak256(abi.encode(CLAIM_TYPEHASH, to, amount, nonces[to]++, deadline)));
        _checkSigner(digest, signature);
        require(rewardToken.transfer(to, amount), "transfer failed");
    }

    // A struct hashed whole binds every field.
    function claimStruct(Claim calldata c, bytes calldata signature) external {
        require(c.nonce == nonces[c.to]++ && block.timestamp <= c.deadline, "stale");
        _checkSigner(_digest(keccak256(abi.encode(CLAIM_TYPEHASH, c))), signature);
        require(rewardToken.transfer(c.to, c.amount), "transfer failed");
    }

    // A typed-data helper that hashes the fields it is handed.
    function claimHelper(address to, uint256 amount, bytes calldata signature) external {
        bytes32 digest = _digest(_hashClaim(to, amount, nonces[to]++));
        _checkSigner(digest, signature);
        _pay(to, amount);
    }

    function _hashClaim(address to, uint256 amount, uint256 nonce) internal pure returns (bytes32) {
        return keccak256(abi.encode(CLAIM_TYPEHASH, to, amount, nonce, 0));
    }

    // The caller is signed with the amount; where the caller receives it is the caller's choice.
    function claimTo(address recipient, uint256 amount, bytes calldata signature) external {
        bytes32 digest = _digest(keccak256(abi.encode(msg.sender, amount, nonces[msg.sender]++)));
        _checkSigner(digest, signature);
        require(rewardToken.transfer(recipient, amount), "transfer failed");
    }

    // A signed cap: the amount is bounded by a signed value and the running total is tracked.
    mapping(address => uint256) public claimed;

    function claimUpTo(uint256 amount, uint256 maxAmount, bytes calldata signature) external {
        bytes32 digest = _digest(keccak256(abi.encode(msg.sender, maxAmount)));
        _checkSigner(digest, signature);
        claimed[msg.sender] += amount;
        require(claimed[msg.sender] <= maxAmount, "over cap");
        require(rewardToken.transfer(msg.sender, amount), "transfer failed");
    }

    // A trusted verifier hashes inside: nothing is recovered here.

    function claimVerified(address to, uint256 amount, bytes calldata signature) external {
        require(verifier.verify(to, amount, signature), "bad claim");
        require(rewardToken.transfer(to, amount), "transfer failed");
    }

    // A helper that builds and checks the message from the values it is handed.
    function claimChecked(address to, uint256 amount, bytes calldata signature) external {
        _verifyClaim(to, amount, signature);
        _pay(to, amount);
    }

    function _verifyClaim(address to, uint256 amount, bytes calldata signature) internal {
        bytes32 digest = _digest(keccak256(abi.encode(CLAIM_TYPEHASH, to, amount, nonces[to]++, 0)));
        _checkSigner(digest, signature);
    }

    // A batch hashed whole, checked by a helper that wraps the hash it is handed in the signed-message prefix.
    struct Payout {
        address to;
        uint256 amount;
    }

    mapping(bytes32 => bool) public executed;

    function executeBatch(bytes32 batchId, Payout[] calldata payouts, bytes calldata signature) external {
        bytes32 batchHash = keccak256(abi.encode(batchId, payouts, block.chainid, address(this)));
        require(!executed[batchHash], "executed");
        executed[batchHash] = true;
        _checkEthSigned(batchHash, signature);
        for (uint256 i = 0; i < payouts.length; i++) {
            require(rewardToken.transfer(payouts[i].to, payouts[i].amount), "transfer failed");
        }
    }

    function _checkEthSigned(bytes32 hash, bytes calldata signature) internal view {
        bytes32 digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", hash));
        require(ECDSA.recover(digest, signature) == signer, "bad signature");
    }

    // The ETH forwarded is the caller's own `msg.value`; the opaque payload is for the fee manager to decode.
    IFeeManager public constant feeManager = IFeeManager(address(0xFEE));

    function verifyWithFee(bytes calldata payload, uint256 nonce, bytes calldata signature) external payable {
        require(nonce == nonces[msg.sender]++, "nonce");
        _checkSigner(_digest(keccak256(abi.encode(msg.sender, nonce))), signature);
        feeManager.processFee{value: msg.value}(payload, msg.sender);
    }
}
