// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Batcher {
    mapping(address => uint256) public credit;
    address public immutable owner = msg.sender;

    function deposit() external payable {
        credit[msg.sender] += msg.value;
    }

    function withdraw() external {
        require(msg.sender == owner, "not owner");
        (bool ok, ) = payable(owner).call{value: address(this).balance}("");
        require(ok, "failed");
    }

    function batch(bytes[] calldata calls) external payable { // expect: msg-value-multicall
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, ) = address(this).delegatecall(calls[i]); // expect: delegatecall-loop
            require(ok, "failed");
        }
    }

    // Not payable: msg.value is zero in every delegated call.
    function batchFree(bytes[] calldata calls) external {
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, ) = address(this).delegatecall(calls[i]);
            require(ok, "failed");
        }
    }

    // Payable, one delegatecall, no loop.
    function once(bytes calldata data) external payable {
        (bool ok, ) = address(this).delegatecall(data);
        require(ok, "failed");
    }
}

// Safe: a payable multicall into itself, but no function reads `msg.value`; payments are measured from the
// contract's own balance (a swap router's `refundETH`), so repeated delegated calls cannot count it twice.
contract EthRouter {
    mapping(address => uint256) public swaps;

    function multicall(bytes[] calldata calls) external payable returns (bytes[] memory results) {
        results = new bytes[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, bytes memory result) = address(this).delegatecall(calls[i]);
            require(ok, "call failed");
            results[i] = result;
        }
    }

    function recordSwap() external payable {
        swaps[msg.sender] += 1;
    }

    function refundETH() external payable {
        if (address(this).balance > 0) {
            (bool ok, ) = payable(msg.sender).call{value: address(this).balance}("");
            require(ok, "refund failed");
        }
    }
}

// Flagged in the base: a contract built on it credits `msg.value`, which each delegated call sees again.
abstract contract SelfMulticall {
    function multicall(bytes[] calldata calls) external payable {
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, ) = address(this).delegatecall(calls[i]); // expect: delegatecall-loop
            require(ok, "call failed");
        }
    }
}

contract DepositDesk is SelfMulticall {
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }
}
