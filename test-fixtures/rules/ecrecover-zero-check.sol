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
