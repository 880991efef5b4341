pragma solidity ^0.4.23;

// Inline assembly as 0.4 code wrote it, next to `sha3` and `throw`.
contract Proxy {
    address public implementation;

    function Proxy(address impl) public {
        implementation = impl;
    }

    function isContract(address a) internal view returns (bool) {
        uint size;
        assembly { size := extcodesize(a) }
        return size > 0;
    }

    function () payable public {
        address impl = implementation;
        if (!isContract(impl)) throw;
        assembly {
            let ptr := mload(0x40)
            calldatacopy(ptr, 0, calldatasize)
            let result := delegatecall(gas, impl, ptr, calldatasize, 0, 0)
            let size := returndatasize
            returndatacopy(ptr, 0, size)
            switch result
            case 0 { revert(ptr, size) }
            default { return(ptr, size) }
        }
    }
}
