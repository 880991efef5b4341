// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

interface IToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

interface IReceiver {
    function onClaim(address from, uint256 amount) external;
}

contract SharesPool {
    IToken public immutable token;
    mapping(address => uint256) public shares;
    uint256 public totalShares;

    constructor(IToken t) {
        token = t;
    }

    mapping(IToken => mapping(address => uint256)) public deposits;

    // The token is chosen by the caller: it can be a contract that calls back.
    function redeemToken(IToken anyToken, uint256 amount) external {
        require(deposits[anyToken][msg.sender] >= amount, "low");
        anyToken.transfer(msg.sender, amount); // expect: reentrancy-no-eth, unchecked-transfer, unsafe-erc20-transfer
        deposits[anyToken][msg.sender] -= amount;
    }

    // The stored token is trusted code set by the deployer.
    function redeem(uint256 amount) external {
        require(shares[msg.sender] >= amount, "low");
        token.transfer(msg.sender, amount); // expect: unchecked-transfer
        shares[msg.sender] -= amount;
        totalShares -= amount;
    }

    // The callback target is chosen by the caller.
    function claim(IReceiver receiver) external {
        uint256 owed = shares[msg.sender];
        receiver.onClaim(msg.sender, owed); // expect: reentrancy-no-eth
        shares[msg.sender] = 0;
    }

    // Deposit pattern: nothing read before the call is written after it.
    function deposit(uint256 amount) external {
        token.transferFrom(msg.sender, address(this), amount); // expect: unchecked-transfer, fee-on-transfer
        shares[msg.sender] += amount;
        totalShares += amount;
    }

    // A view call is a STATICCALL: it cannot re-enter.
    function sync() external {
        uint256 before = totalShares;
        uint256 balance = token.balanceOf(address(this));
        totalShares = balance > before ? balance : before; // expect: rebasing-balance-cache
    }

    // Effects before the interaction.
    function redeemCei(uint256 amount) external {
        require(shares[msg.sender] >= amount, "low");
        shares[msg.sender] -= amount;
        totalShares -= amount;
        token.transfer(msg.sender, amount); // expect: unchecked-transfer
    }

    // Calls to this contract are not external control flow.
    function selfCall() external {
        uint256 before = totalShares;
        this.deposit(before);
        totalShares = before;
    }
}

// The inherited guard is left off: the fix adds `nonReentrant`. SharesPool above has no guard, so no fix there.
contract GuardedPool is ReentrancyGuard {
    mapping(address => uint256) public shares;

    function claim(IReceiver receiver) external {
        uint256 owed = shares[msg.sender];
        receiver.onClaim(msg.sender, owed); // expect: reentrancy-no-eth
        shares[msg.sender] = 0;
    }
}

contract Pair {
    address public token;

    function initialize(address t) external {
        require(token == address(0), "set");
        token = t; // expect: missing-zero-check
    }
}

contract Factory {
    mapping(address => address) public pairOf;

    // A contract this function just created is not someone else's code.
    function createPair(address token) external returns (address pair) {
        require(pairOf[token] == address(0), "exists");
        pair = address(new Pair());
        Pair(pair).initialize(token);
        pairOf[token] = pair;
    }
}

import {IERC20Metadata as IERC20} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IPositionHook, PositionHooks, PositionSlot} from "./reentrancy-no-eth/PositionSlot.sol";

// Look-alikes of calls that are not external calls, or that nobody untrusted can re-enter through.
contract PositionBook is ReentrancyGuard {
    using PositionHooks for IPositionHook;

    struct Request {
        bytes32 id;
        address coordinator;
        uint256 reserved;
    }

    mapping(address => PositionSlot) public positions;
    mapping(IERC20 => uint8) public decimalsOf;
    mapping(IERC20 => bool) public listed;
    mapping(bytes32 => bytes32) public commitments;
    uint256 public reservedTotal;
    uint256 public batches;
    bytes public lastBatch;

    // `bytes.concat` is a builtin of the `bytes` type, not a call to another contract.
    function submitBatch(bytes calldata header, bytes calldata data) external {
        uint256 count = batches;
        bytes memory batch = bytes.concat(header, data);
        lastBatch = batch;
        batches = count + 1;
    }

    // `IERC20` is imported as an alias of `IERC20Metadata`, whose `decimals()` is a view: a STATICCALL.
    function listToken(IERC20 token) external {
        require(!listed[token], "listed");
        decimalsOf[token] = token.decimals();
        listed[token] = true;
    }

    // A library attached with `global` to a value type in another file: pure bit operations, no call.
    function resize(uint128 newSize) external {
        PositionSlot slot = positions[msg.sender];
        require(slot.size() != newSize, "same");
        positions[msg.sender] = PositionSlot.wrap(bytes32(0)).withSize(newSize);
    }

    // `hook.beforeResize(size)` has one argument: it is the library wrapper, which runs under the lock below.
    function resizeWithHook(IPositionHook hook, uint128 newSize) external {
        _resizeLocked(hook, newSize);
    }

    // The guard sits on the internal function that makes the call: the lock is held during it.
    function _resizeLocked(IPositionHook hook, uint128 newSize) private nonReentrant {
        PositionSlot slot = positions[msg.sender];
        hook.beforeResize(newSize);
        positions[msg.sender] = slot.withSize(newSize);
    }

    // The request must hash to the stored commitment: its coordinator is the one recorded earlier, not a new choice.
    function cancel(Request calldata request) external {
        require(keccak256(abi.encode(request)) == commitments[request.id], "unknown request");
        IReceiver(request.coordinator).onClaim(msg.sender, request.reserved);
        reservedTotal -= request.reserved;
        delete commitments[request.id];
    }
}

// Skipping the hook's own calls (`if (msg.sender == hook) return;`) turns one caller away and admits everyone
// else: it is not a caller check, and the re-entry through the hook stays reported.
contract HookedCounter {
    mapping(address => uint256) public counts;

    function bump(IReceiver hook) external {
        uint256 count = counts[msg.sender];
        _notify(hook, count); // expect: reentrancy-no-eth
        counts[msg.sender] = count + 1;
    }

    function _notify(IReceiver hook, uint256 count) internal {
        if (msg.sender == address(hook)) return;
        hook.onClaim(msg.sender, count);
    }
}

// The else arm runs only when the contract calls itself (a simulation that the outer call reverts): a caller check.
contract QuerySimulator {
    mapping(address => uint256) public credited;

    function simulateCredit(IReceiver receiver, uint256 amount) external returns (bool accepted) {
        if (msg.sender != address(this)) {
            (accepted, ) = address(this).call(abi.encodeCall(this.simulateCredit, (receiver, amount)));
        } else {
            uint256 before = credited[address(receiver)];
            receiver.onClaim(address(this), amount);
            credited[address(receiver)] = before + amount;
            revert("simulated");
        }
    }
}

interface IFlashReceiver {
    function onFlashLoan(address initiator, address token, uint256 amount, uint256 fee, bytes calldata data) external returns (bytes32);
}

interface IQuoter {
    function quote(address token, uint256 amount) external view returns (uint256);
}

// A token the caller names runs its own code inside SafeERC20: paying out before the debit lets it re-enter.
contract TokenLocker is ReentrancyGuard {
    using SafeERC20 for IERC20;

    IERC20 public immutable stable;
    mapping(address => mapping(address => uint256)) public locked;
    mapping(address => uint256) public stableLocked;

    constructor(IERC20 stable_) {
        stable = stable_;
    }

    function unlock(IERC20 token, uint256 amount) external {
        require(locked[address(token)][msg.sender] >= amount, "low");
        _release(token, msg.sender, amount); // expect: reentrancy-no-eth
        locked[address(token)][msg.sender] -= amount;
    }

    function _release(IERC20 token, address to, uint256 amount) internal {
        token.safeTransfer(to, amount);
    }

    // Credited with the balance difference around a pull of a caller-named token, which can re-enter.
    function lock(IERC20 token, uint256 amount) external {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount); // expect: reentrancy-no-eth/balanceDelta
        locked[address(token)][msg.sender] += token.balanceOf(address(this)) - before;
    }

    // The same difference on the token fixed at deployment: it runs no caller's code.
    function lockStable(uint256 amount) external {
        uint256 before = stable.balanceOf(address(this));
        stable.safeTransferFrom(msg.sender, address(this), amount);
        stableLocked[msg.sender] += stable.balanceOf(address(this)) - before;
    }

    // A caller-named token, but the guard holds during the pull.
    function lockGuarded(IERC20 token, uint256 amount) external nonReentrant {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        locked[address(token)][msg.sender] += token.balanceOf(address(this)) - before;
    }

    // Debited before the payout (checks-effects-interactions).
    function unlockSafely(IERC20 token, uint256 amount) external {
        locked[address(token)][msg.sender] -= amount;
        token.safeTransfer(msg.sender, amount);
    }
}

// A flash loan whose repayment is the balance coming back: the receiver can return it through `deposit`.
contract FlashVault {
    using SafeERC20 for IERC20;

    IERC20 public immutable asset;
    mapping(address => uint256) public deposits;
    uint256 public totalDeposits;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    function deposit(uint256 amount) external {
        asset.safeTransferFrom(msg.sender, address(this), amount); // expect: fee-on-transfer
        deposits[msg.sender] += amount;
        totalDeposits += amount;
    }

    function flashLoan(IFlashReceiver receiver, uint256 amount, bytes calldata data) external {
        uint256 before = asset.balanceOf(address(this));
        asset.safeTransfer(address(receiver), amount);
        receiver.onFlashLoan(msg.sender, address(asset), amount, 0, data); // expect: reentrancy-no-eth/balanceDelta
        require(asset.balanceOf(address(this)) >= before, "not repaid");
    }

    // A view-only callback is a STATICCALL: it cannot deposit.
    function quotedLoan(IQuoter quoter, uint256 amount) external view returns (uint256) {
        uint256 before = asset.balanceOf(address(this));
        uint256 quoted = quoter.quote(address(asset), amount);
        require(asset.balanceOf(address(this)) >= before, "moved");
        return quoted;
    }
}
