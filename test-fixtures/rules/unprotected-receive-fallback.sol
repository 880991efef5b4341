// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IRouter {
    function swapExactETHForTokens(uint256 amountOutMin, address[] calldata path, address to, uint256 deadline) external payable returns (uint256[] memory);
}

interface IWETH {
    function deposit() external payable;
    function withdraw(uint256 amount) external;
}

contract AutoCompounder {
    IRouter public immutable router;
    address public immutable stakingToken;
    address public immutable treasury;
    mapping(address => uint256) public deposits;

    constructor(IRouter router_, address stakingToken_, address treasury_) {
        router = router_;
        stakingToken = stakingToken_;
        treasury = treasury_;
    }

    receive() external payable {
        _compound(); // expect: unprotected-receive-fallback
    }

    fallback() external payable {
        (bool ok, ) = treasury.call{value: msg.value}(""); // expect: unprotected-receive-fallback
        require(ok, "forward failed");
    }

    function _compound() internal {
        address[] memory path = new address[](1);
        path[0] = stakingToken;
        router.swapExactETHForTokens{value: address(this).balance}(1, path, address(this), block.timestamp + 60);
    }
}

// Safe: receive only books the deposit and emits an event.
contract Accounting {
    mapping(address => uint256) public deposits;

    event Deposited(address indexed from, uint256 amount);

    receive() external payable {
        deposits[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        deposits[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw failed");
    }
}

// Safe: only WETH may send ETH here, so the logic runs only when this contract unwraps.
contract Unwrapper {
    IWETH public immutable weth;
    address public immutable payout;

    constructor(IWETH weth_, address payout_) {
        weth = weth_;
        payout = payout_;
    }

    receive() external payable {
        require(msg.sender == address(weth), "only WETH");
        (bool ok, ) = payout.call{value: msg.value}("");
        require(ok, "payout failed");
    }

    function unwrap(uint256 amount) external {
        weth.withdraw(amount);
    }
}

// Safe: a proxy's fallback only forwards with delegatecall.
contract MiniProxy {
    address public immutable implementation;

    constructor(address implementation_) {
        implementation = implementation_;
    }

    fallback(bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = implementation.delegatecall(data);
        require(ok, "delegatecall failed");
        return ret;
    }
}

// Safe: a dispatcher forwards the calldata to the handler registered for the selector.
contract HandlerRouter {
    mapping(bytes4 => address) public handlers;

    fallback() external payable {
        address handler = handlers[msg.sig];
        require(handler != address(0), "no handler");
        _forward(handler);
    }

    function _forward(address handler) internal {
        (bool ok, ) = handler.call{value: msg.value}(abi.encodePacked(msg.data, msg.sender));
        require(ok, "handler failed");
    }
}

// Safe: a dispatcher written in assembly copies the whole calldata to the stored handler.
contract AssemblyHandlerRouter {
    bytes32 internal constant HANDLER_SLOT = keccak256("handler.router.handler");

    fallback() external {
        bytes32 slot = HANDLER_SLOT;
        assembly { // expect: assembly
            let handler := sload(slot)
            calldatacopy(0, 0, calldatasize())
            let ok := call(gas(), handler, 0, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }
}

// Safe: the fallback pays out only when the stored owner calls, checked in assembly.
contract OwnerSweepVault {
    fallback() external payable {
        assembly { // expect: assembly
            let owner := sload(0)
            if iszero(eq(caller(), owner)) { revert(0, 0) }
            if iszero(call(gas(), calldataload(0), selfbalance(), 0, 0, 0, 0)) { revert(0, 0) }
        }
    }
}

// Low: wrapping the sender's own ETH into the WETH fixed at deployment moves nothing the contract holds.
contract AutoWrapper {
    IWETH public immutable weth;

    constructor(IWETH weth_) {
        weth = weth_;
    }

    receive() external payable {
        weth.deposit{value: msg.value}(); // expect: unprotected-receive-fallback
    }

    fallback() external payable {
        _wrap(); // expect: unprotected-receive-fallback
    }

    function _wrap() internal {
        weth.deposit{value: msg.value}();
    }

    function unwrapTo(uint256 amount) external {
        weth.withdraw(amount);
    }
}
