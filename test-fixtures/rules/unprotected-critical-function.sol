// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

contract Token is ERC20, Ownable { // expect: centralization-risk
    address public treasury;
    bool public paused;
    mapping(address => bool) public minters;
    mapping(address => uint256) public points;

    constructor() ERC20("T", "T") Ownable(msg.sender) {}

    // Ownable's `onlyOwner` is inherited: the fix adds it.
    function setTreasury(address t) external {
        treasury = t; // expect: unprotected-critical-function, missing-zero-check
    }

    function pause() external {
        _setPaused(true); // expect: unprotected-critical-function
    }

    function addMinter(address m) external {
        minters[m] = true; // expect: unprotected-critical-function
    }

    function freeMint(address to, uint256 amount) external {
        _mint(to, amount); // expect: unprotected-critical-function
    }

    // Restricting a fallback to the owner would refuse every other call, so no fix is offered.
    fallback() external {
        _setPaused(true); // expect: unprotected-critical-function
    }

    function _setPaused(bool value) internal {
        paused = value;
    }

    // Guarded by the inherited OpenZeppelin modifier.
    function setTreasuryOwner(address t) external onlyOwner {
        treasury = t; // expect: missing-zero-check
    }

    function unpause() external onlyOwner {
        _setPaused(false);
    }

    // A minter list checked in the body.
    function mint(address to, uint256 amount) external {
        require(minters[msg.sender], "not minter");
        _mint(to, amount);
    }

    // Minting against payment is a sale, not a privilege.
    function buy() external payable {
        _mint(msg.sender, msg.value * 100);
    }

    function withdraw() external onlyOwner {
        (bool ok, ) = payable(owner()).call{value: address(this).balance}("");
        require(ok, "failed");
    }

    // Ordinary state anyone may change.
    function addPoints(uint256 amount) external {
        points[msg.sender] += amount;
    }

    // Minting paid for with the caller's points: a redemption, not a free mint.
    function redeem(address to, uint256 amount) external {
        _spendPoints(msg.sender, amount);
        _mint(to, amount);
    }

    function _spendPoints(address account, uint256 amount) internal {
        points[account] -= amount;
    }

    // Quoting the caller's rate without spending anything pays for nothing.
    event Quoted(address indexed account, uint256 rate);

    function mintAtQuote(address to, uint256 amount) external {
        emit Quoted(msg.sender, _rateFor(msg.sender, amount));
        _mint(to, amount); // expect: unprotected-critical-function
    }

    function _rateFor(address account, uint256 amount) internal view returns (uint256) {
        return points[account] >= amount ? 2 : 1;
    }
}

// Rubixi (2016): the renamed contract kept its old constructor name, now a public function installing `creator`.
// No `onlyOwner` is available here, so no fix is offered.
contract PyramidFees {
    address private creator;

    function DynamicPyramid() external {
        creator = msg.sender; // expect: unprotected-critical-function
    }
}

interface IAuthority {
    function canPerform(bytes32 action, address account, address where) external view returns (bool);
}

// A require-like helper of another name: `_ensure(cond, code)` reverts with an error code when `cond` is false.
function _ensure(bool condition, uint256 errorCode) pure {
    if (!condition) _fail(errorCode);
}

function _fail(uint256 errorCode) pure {
    assembly { // expect: assembly
        mstore(0, errorCode)
        revert(0, 32)
    }
}

contract AuthorityPausable { // expect: centralization-risk
    IAuthority public immutable authority;
    bool public paused;

    constructor(IAuthority authority_) {
        authority = authority_;
    }

    modifier authenticate() {
        _authenticateCaller();
        _;
    }

    function _authenticateCaller() internal view {
        bytes32 action = keccak256(abi.encodePacked(address(this), msg.sig));
        _ensure(_canPerform(action, msg.sender), 401);
    }

    function _canPerform(bytes32 action, address account) internal view returns (bool) {
        return authority.canPerform(action, account, address(this));
    }

    // Guarded through the helper: the authority must allow the caller.
    function setPaused(bool value) external authenticate {
        paused = value;
    }

    // The same helper handed a condition that says nothing about the caller guards nothing.
    function setPausedAfter(bool value, uint256 notBefore) external {
        _ensure(block.timestamp >= notBefore, 402);
        paused = value; // expect: unprotected-critical-function
    }
}

// ERC-6909-style operators: a caller can only change its own entry.
contract OperatorRegistry {
    mapping(address => mapping(address => bool)) public isOperator;

    function setOperator(address operator, bool approved) external returns (bool) {
        isOperator[msg.sender][operator] = approved;
        return true;
    }

    function revokeOperator(address operator) external {
        _setOperator(msg.sender, operator, false);
    }

    // Anyone can make themselves an operator of any owner.
    function setOperatorFor(address owner, address operator, bool approved) external {
        _setOperator(owner, operator, approved); // expect: unprotected-critical-function
    }

    function _setOperator(address owner, address operator, bool approved) internal {
        isOperator[owner][operator] = approved;
    }
}
