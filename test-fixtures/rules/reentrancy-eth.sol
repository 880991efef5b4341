// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

contract ReentrantVault {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-eth
        require(ok, "failed");
        balances[msg.sender] -= amount;
    }

    // The ETH leaves through an internal helper: the finding sits on the helper call.
    function withdrawAll() external {
        uint256 amount = balances[msg.sender];
        _pay(msg.sender, amount); // expect: reentrancy-eth
        balances[msg.sender] = 0;
    }

    // OpenZeppelin's Address.sendValue forwards all gas too.
    function withdrawViaLibrary() external {
        uint256 amount = balances[msg.sender];
        Address.sendValue(payable(msg.sender), amount); // expect: reentrancy-eth
        delete balances[msg.sender];
    }

    function _pay(address to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "failed");
    }
}

contract SafeVaults is ReentrancyGuard {
    mapping(address => uint256) public balances;
    bool private locked;

    modifier mutex() {
        require(!locked, "locked");
        locked = true;
        _;
        locked = false;
    }

    // Checks-effects-interactions: the write comes first.
    function withdrawCei(uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        balances[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
    }

    // Inherited OpenZeppelin guard.
    function withdrawGuarded(uint256 amount) external nonReentrant {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
        balances[msg.sender] -= amount;
    }

    // A hand-written mutex modifier.
    function withdrawMutex(uint256 amount) external mutex {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "failed");
        balances[msg.sender] -= amount;
    }

    // Reading after the call is fine; only writes are stale.
    event Paid(address to, uint256 left);

    function payAndReport(uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        balances[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-events
        require(ok, "failed");
        emit Paid(msg.sender, balances[msg.sender]);
    }

    // transfer and send forward only 2300 gas: not a re-entry point.
    function withdrawTransfer(uint256 amount) external {
        require(balances[msg.sender] >= amount, "low");
        payable(msg.sender).transfer(amount); // expect: transfer-gas-stipend
        balances[msg.sender] -= amount;
    }

    // The write is in the other arm of the if.
    function payOrCredit(bool pay, uint256 amount) external {
        if (balances[msg.sender] < amount) return;
        if (pay) {
            (bool ok, ) = msg.sender.call{value: amount}("");
            require(ok, "failed");
        } else {
            balances[msg.sender] -= amount;
        }
    }

    // The inherited guard is left off: the fix adds `nonReentrant` before `returns`.
    function withdrawUnguarded(uint256 amount) external returns (bool) {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-eth
        require(ok, "failed");
        balances[msg.sender] -= amount;
        return true;
    }

    // A public function may also be called internally, as from the guarded function below, where a nested
    // `nonReentrant` would revert: no fix is offered for public functions.
    function withdrawTo(uint256 amount) public {
        require(balances[msg.sender] >= amount, "low");
        (bool ok, ) = msg.sender.call{value: amount}(""); // expect: reentrancy-eth
        require(ok, "failed");
        balances[msg.sender] -= amount;
    }

    function withdrawEverything() external nonReentrant {
        withdrawTo(balances[msg.sender]);
    }
}

// One call/write pair reached from several entry points is reported once, on the first; the others are
// listed with it.
contract EscrowDesk {
    mapping(address => uint256) public owed;

    function claim() external {
        _pay(msg.sender); // expect: reentrancy-eth
    }

    function claimAndLog() external {
        _pay(msg.sender);
    }

    function _pay(address to) internal {
        uint256 amount = owed[to];
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "failed");
        owed[to] = 0;
    }
}

interface IStakingVault {
    function sync() external;
}

// Look-alikes: nobody untrusted can re-enter.
contract FeeSweeper {
    address public immutable owner;
    address payable public immutable treasury;
    IStakingVault public immutable vault;
    uint256 public sweptTotal;

    event Swept(uint256 amount, uint256 total);
    uint256 public syncs;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(address payable treasury_, IStakingVault vault_) {
        owner = msg.sender;
        treasury = treasury_;
        vault = vault_;
    }

    // Only the owner can start it, so a re-entrant call into it would have to come from the owner.
    function sweep() external onlyOwner {
        uint256 amount = address(this).balance;
        uint256 total = sweptTotal + amount;
        (bool ok, ) = treasury.call{value: amount}("");
        require(ok, "failed");
        sweptTotal = total;
        emit Swept(amount, total);
    }

    // `functionCall` passes a value of 0 down to `functionCallWithValue`: no ETH moves.
    function syncVault() external {
        uint256 count = syncs;
        Address.functionCall(address(vault), abi.encodeCall(IStakingVault.sync, ()));
        syncs = count + 1;
    }
}

// Execute-style: the operation is checked before the call and marked done after it, through a helper.
contract ReadyQueue {
    address public immutable proposer;
    mapping(bytes32 => bool) public queued;
    mapping(bytes32 => bool) public done;

    constructor(address proposer_) {
        proposer = proposer_;
    }

    function queue(bytes32 id) external {
        require(msg.sender == proposer, "proposer");
        queued[id] = true;
    }

    function execute(address target, uint256 value, bytes calldata data) external {
        bytes32 id = keccak256(abi.encode(target, value, data));
        require(queued[id] && !done[id], "not ready");
        _invoke(target, value, data); // expect: reentrancy-eth
        done[id] = true;
    }

    // Marked done first.
    function executeSafely(address target, uint256 value, bytes calldata data) external {
        bytes32 id = keccak256(abi.encode(target, value, data));
        require(queued[id] && !done[id], "not ready");
        done[id] = true;
        _invoke(target, value, data);
    }

    function _invoke(address target, uint256 value, bytes calldata data) private {
        (bool ok, ) = target.call{value: value}(data);
        require(ok, "call failed");
    }
}
