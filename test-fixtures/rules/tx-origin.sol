// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract TxOriginWallet {
    address public immutable owner = msg.sender;

    function withdrawAll(address payable to) external {
        require(tx.origin == owner, "not owner"); // expect: tx-origin
        require(to != address(0), "zero");
        (bool ok, ) = to.call{value: address(this).balance}("");
        require(ok, "send failed");
    }

    function rescue() external view returns (bool) {
        return isNotOwner();
    }

    function isNotOwner() internal view returns (bool) {
        return owner != tx.origin; // expect: tx-origin
    }
}

contract TxOriginLookAlikes {
    address public immutable owner = msg.sender;
    uint256 public calls;

    // An EOA check compares tx.origin with msg.sender: not authorisation.
    modifier onlyEOA() {
        require(tx.origin == msg.sender, "contracts not allowed");
        _;
    }

    function withdraw() external onlyEOA {
        require(msg.sender == owner, "not owner");
        calls += 1;
    }

    // Logging the origin is not a check.
    event Origin(address who);

    function log() external {
        emit Origin(tx.origin);
    }
}

// A gate for off-chain simulation: only `eth_call` (origin zero) or the simulator's address may run `check`.
contract SimulationOnly {
    address internal constant SIMULATOR = address(0x1111111111111111111111111111111111111111);
    uint256 public lastChecked;

    modifier onlySimulated() {
        if (tx.origin != address(0) && tx.origin != SIMULATOR) revert("simulation only");
        _;
    }

    function check() external onlySimulated returns (bool) {
        lastChecked = block.number;
        return true;
    }

    // The simulator's address alone is still an origin check a phished transaction passes.
    function checkBySimulator() external returns (bool) {
        if (tx.origin != SIMULATOR) revert("simulator only"); // expect: tx-origin
        lastChecked = block.number;
        return true;
    }
}

interface IOriginToken {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
}

// A "one-click" payment router: it pulls from the origin, so any contract the user calls can spend every
// allowance the user gave the router.
contract OriginPaymentRouter {
    IOriginToken public immutable token;

    constructor(IOriginToken token_) {
        token = token_;
    }

    function pay(address merchant, uint256 amount) external {
        require(token.transferFrom(tx.origin, merchant, amount), "pull failed"); // expect: tx-origin/originSpent
    }

    // The same pull through a local and an internal helper: reported where the origin is handed over.
    function payFor(address merchant, uint256 amount) external {
        address payer = tx.origin;
        _pull(payer, merchant, amount); // expect: tx-origin/originSpent
    }

    function _pull(address from, address to, uint256 amount) internal {
        require(token.transferFrom(from, to, amount), "pull failed");
    }

    // Look-alike: the caller pays for itself.
    function payOwn(address merchant, uint256 amount) external {
        require(token.transferFrom(msg.sender, merchant, amount), "pull failed");
    }
}

// A deposit book keyed by the origin.
contract OriginEtherVault {
    mapping(address => uint256) public balances;
    mapping(address => uint256) public lastDeposit;
    mapping(uint256 => address) public users;
    address public keeper;

    constructor() {
        keeper = tx.origin; // expect: tx-origin/originStored
    }

    // The caller may be a router or a smart wallet: the deposit is booked to whoever signed the transaction.
    function deposit() external payable {
        balances[tx.origin] += msg.value; // expect: tx-origin/originCredited
        lastDeposit[tx.origin] = block.timestamp; // expect: tx-origin/originKeyed
    }

    // The debit is the origin's, the payment goes to the calling contract: a phishing contract takes the deposit.
    function withdraw(uint256 amount) external {
        balances[tx.origin] -= amount; // expect: tx-origin/originSpent
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send failed");
    }

    // The debit goes back to the origin: a contract the user calls can force the exit, not take the ETH.
    function exit() external {
        uint256 amount = balances[tx.origin];
        balances[tx.origin] = 0; // expect: tx-origin/originForcedWithdrawal
        (bool ok, ) = payable(tx.origin).call{value: amount}("");
        require(ok, "send failed");
    }

    function register(uint256 id) external {
        require(users[id] == address(0), "taken");
        users[id] = tx.origin; // expect: tx-origin/originStored
    }

    event KeeperRotated(address keeper);

    function rotateKeeper() external {
        require(msg.sender == keeper, "keeper");
        keeper = tx.origin; // expect: tx-origin/originStored
        emit KeeperRotated(tx.origin);
    }
}

// Look-alikes: the origin is paid for gas, emitted or hashed, never an account that is charged or recorded.
contract OriginRelayRefunds {
    mapping(address => uint256) public balances;
    mapping(bytes32 => bool) public seen;
    uint256 public constant REFUND_OVERHEAD = 21_000;

    event Relayed(address indexed relayer, bytes32 id);

    receive() external payable {}

    // The relayer (the origin) is refunded the gas it spent; paying the origin is not authority.
    function relay(bytes32 id) external {
        uint256 startGas = gasleft();
        require(!seen[id], "seen");
        seen[id] = true;
        balances[msg.sender] += 1;
        address payable relayer = payable(tx.origin);
        emit Relayed(relayer, id);
        (bool ok, ) = relayer.call{value: (startGas - gasleft() + REFUND_OVERHEAD) * tx.gasprice}("");
        require(ok, "refund failed");
    }

    // The origin only salts a request id.
    function requestId(uint256 nonce) external {
        seen[keccak256(abi.encode(tx.origin, nonce))] = true;
    }

    // An EOA gate, then the caller's own balance.
    function withdraw(uint256 amount) external {
        require(tx.origin == msg.sender, "EOA only");
        balances[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send failed");
    }
}
