// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Relayer {
    struct Message {
        address target;
        bytes data;
    }

    address public immutable trustedHub;
    mapping(bytes32 => bool) public executed;

    constructor(address hub) {
        trustedHub = hub;
    }

    function execute(address target, bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call{gas: 100000}(data); // expect: return-bomb
        require(ok, "call failed");
        return ret;
    }

    function executeMessage(Message calldata message) external {
        address to = message.target;
        bool ok;
        bytes memory ret;
        (ok, ret) = to.call(message.data); // expect: return-bomb
        executed[keccak256(ret)] = ok;
    }

    function peek(address target, bytes calldata data) external view returns (bytes memory) {
        (bool ok, bytes memory ret) = target.staticcall(data); // expect: return-bomb
        require(ok, "call failed");
        return ret;
    }

    // Safe: the return data is not kept.
    function ping(address target, bytes calldata data) external {
        (bool ok, ) = target.call(data);
        require(ok, "call failed");
    }

    // Safe: the target is fixed by the deployer, not by the caller.
    function forward(bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = trustedHub.call(data);
        require(ok, "call failed");
        return ret;
    }

    // Safe: a caller who bombs itself only wastes its own gas.
    function callback(bytes calldata data) external {
        (bool ok, bytes memory ret) = msg.sender.call(data);
        executed[keccak256(ret)] = ok;
    }

    // Safe: assembly call that copies no return data.
    function quietCall(address target, bytes calldata data) external returns (bool success) {
        bytes memory payload = data;
        assembly { // expect: assembly
            success := call(gas(), target, 0, add(payload, 0x20), mload(payload), 0, 0)
        }
    }

    function callHub(bytes calldata data) external returns (bytes memory) {
        return _functionCall(trustedHub, data);
    }

    // Safe: internal helpers are called with targets trusted code chose.
    function _functionCall(address target, bytes memory data) internal returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call(data);
        require(ok, "call failed");
        return ret;
    }
}

contract GovernedRelay {
    address public governance;

    modifier onlyGovernance() {
        require(msg.sender == governance, "not governance");
        _;
    }

    // Safe: only governance chooses the target.
    function relay(address target, bytes calldata data) external onlyGovernance returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call(data);
        require(ok, "call failed");
        return ret;
    }
}
