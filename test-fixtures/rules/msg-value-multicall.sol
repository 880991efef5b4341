// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract PayableMulticall {
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

// A payable multicall in a contract where no function reads msg.value: no delegated call can count the ETH
// twice, so neither rule reports it.
contract PlainMulticall {
    mapping(address => uint256) public points;

    function addPoint() external {
        points[msg.sender] += 1;
    }

    function multicall(bytes[] calldata calls) external payable {
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, ) = address(this).delegatecall(calls[i]);
            require(ok, "failed");
        }
    }
}
