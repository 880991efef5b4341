// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Claims {
    mapping(bytes32 => bool) public usedSignatures;
    address public immutable signer = msg.sender;

    function claim(bytes32 digest, bytes calldata signature, uint8 v, bytes32 r, bytes32 s) external {
        require(!usedSignatures[keccak256(signature)], "used");
        address recovered = ecrecover(digest, v, r, s); // expect: signature-malleability
        require(recovered != address(0) && recovered == signer, "bad");
        usedSignatures[keccak256(signature)] = true;
    }

    function plain(bytes32 digest, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        address recovered = ecrecover(digest, v, r, s); // expect: signature-malleability
        return recovered != address(0) && recovered == signer;
    }
}

contract MalleabilityLookAlikes {
    address public immutable signer = msg.sender;
    uint256 private constant HALF_N = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    // The EIP-2 bound on s, via a named constant.
    function bounded(bytes32 digest, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        require(uint256(s) <= HALF_N, "malleable");
        address recovered = ecrecover(digest, v, r, s);
        return recovered != address(0) && recovered == signer;
    }

    // The bound written inline.
    function inlineBound(bytes32 digest, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        if (uint256(s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) return false;
        address recovered = ecrecover(digest, v, r, s);
        return recovered != address(0) && recovered == signer;
    }
}
