// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Registry {
    mapping(bytes32 => bool) public used;
    string public prefix;
    address[] public admins;

    function key(string calldata first, string calldata second) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(first, second)); // expect: encode-packed-collision
    }

    function roles(address[] calldata newAdmins, address[] calldata users) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(newAdmins, users)); // expect: encode-packed-collision
    }

    function withState(bytes memory payload) external view returns (bytes32) {
        return sha256(abi.encodePacked(prefix, uint256(1), payload)); // expect: encode-packed-collision
    }

    function viaLocal(string memory name, bytes memory data) external pure returns (bytes32) {
        bytes memory packed = abi.encodePacked(name, data);
        return keccak256(packed); // expect: encode-packed-collision
    }

    function storageArrays(string memory label) external view returns (bytes32) {
        return keccak256(abi.encodePacked(admins, label)); // expect: encode-packed-collision
    }
}

contract EncodePackedLookAlikes {
    string public name;

    // One dynamic value next to fixed-size ones cannot shift.
    function single(string calldata label, uint256 id, address who) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(label, id, who));
    }

    // Length-prefixed encoding.
    function encoded(string calldata a, string calldata b) external pure returns (bytes32) {
        return keccak256(abi.encode(a, b));
    }

    // A literal is fixed.
    function withLiteral(string calldata a) external pure returns (bytes32) {
        return keccak256(abi.encodePacked("prefix:", a));
    }

    // Fixed-size arrays are padded and cannot shift.
    function fixedArrays(uint256[2] calldata a, uint256[2] calldata b) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(a, b));
    }

    // Packing without hashing is out of scope (no identity is derived).
    function concat(string memory a, string memory b) external pure returns (bytes memory) {
        return abi.encodePacked(a, b);
    }
}

contract TypeStrings {
    // EIP-712 typehashes are built by concatenating type strings, as the spec says.
    function typehash(string calldata name, string calldata contentsType) external pure returns (bytes32) {
        return keccak256(abi.encodePacked("Wrapper(", name, " contents)", contentsType));
    }
}

// Look-alike: EIP-712 type strings are constants, fixed at compile time like literals; the spec concatenates
// them into the typehash of a type that refers to other types.
library OrderTypehashes {
    string internal constant FEES_TYPE = "Fees(uint256 amount,address recipient)";
    string internal constant ORDER_TYPE = "Order(Fees fees,address maker,uint256 nonce)";
    bytes32 internal constant ORDER_TYPEHASH = keccak256(abi.encodePacked(ORDER_TYPE, FEES_TYPE));

    function withWitness(string memory witness) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(ORDER_TYPE, FEES_TYPE, witness));
    }
}
