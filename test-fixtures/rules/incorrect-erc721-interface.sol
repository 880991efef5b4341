// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract BrokenNft {
    mapping(uint256 => address) internal owners;
    mapping(address => uint256) internal balances;

    function balanceOf(address owner) external view returns (uint32) { // expect: incorrect-erc721-interface
        return uint32(balances[owner]);
    }

    function ownerOf(uint256 id) external view returns (address) {
        return owners[id];
    }

    function supportsInterface(bytes4 id) external pure { // expect: incorrect-erc721-interface
        require(id == 0x80ac58cd, "unsupported");
    }

    function getApproved(uint256 id) external view returns (uint256) { // expect: incorrect-erc721-interface
        return uint160(owners[id]);
    }

    // Returning a value where the standard returns none breaks no caller.
    function transferFrom(address from, address to, uint256 id) external returns (bool) {
        require(owners[id] == from, "owner");
        owners[id] = to;
        balances[from] -= 1;
        balances[to] += 1;
        return true;
    }
}

contract StandardNft {
    mapping(uint256 => address) public ownerOf;

    function balanceOf(address) external pure returns (uint256) {
        return 0;
    }

    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }
}
