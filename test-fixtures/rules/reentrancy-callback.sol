// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

contract LimitedMint is ERC721 {
    uint256 public constant MAX_PER_WALLET = 2;
    mapping(address => uint256) public minted;
    uint256 public nextId;

    constructor() ERC721("Limited", "LTD") {}

    function mint() external {
        require(minted[msg.sender] < MAX_PER_WALLET, "limit");
        _safeMint(msg.sender, nextId); // expect: reentrancy-callback
        minted[msg.sender] += 1;
        nextId += 1;
    }

    // Effects before the hook.
    function mintSafely() external {
        require(minted[msg.sender] < MAX_PER_WALLET, "limit");
        minted[msg.sender] += 1;
        uint256 id = nextId;
        nextId = id + 1;
        _safeMint(msg.sender, id);
    }

    // _mint calls no hook.
    function mintPlain() external {
        require(minted[msg.sender] < MAX_PER_WALLET, "limit");
        _mint(msg.sender, nextId);
        minted[msg.sender] += 1;
        nextId += 1;
    }
}

contract Escrow {
    IERC721 public immutable nft;
    mapping(uint256 => address) public depositor;

    constructor(IERC721 n) {
        nft = n;
    }

    function deposit(uint256 id) external {
        nft.transferFrom(msg.sender, address(this), id);
        depositor[id] = msg.sender;
    }

    // The stored NFT calls the caller's hook: the recipient re-enters before the record is cleared.
    function release(uint256 id) external {
        require(depositor[id] == msg.sender, "not yours");
        nft.safeTransferFrom(address(this), msg.sender, id); // expect: reentrancy-callback
        delete depositor[id];
    }

    // Cleared first.
    function releaseSafely(uint256 id) external {
        require(depositor[id] == msg.sender, "not yours");
        delete depositor[id];
        nft.safeTransferFrom(address(this), msg.sender, id);
    }
}

// The guard is inherited but left off. LimitedMint and Escrow have no guard, so no fix there.
contract GuardedMint is ERC721, ReentrancyGuard {
    mapping(address => bool) public claimed;
    uint256 public nextId;

    constructor() ERC721("Guarded", "GRD") {}

    // Only per-account state is written after the hook: the fix adds `nonReentrant`.
    function claimOwn() external {
        require(!claimed[msg.sender], "claimed");
        _safeMint(msg.sender, uint256(uint160(msg.sender))); // expect: reentrancy-callback
        claimed[msg.sender] = true;
    }

    // `nextId` is written after the hook too: a guard would leave it stale for views during the call
    // (read-only reentrancy), so no fix is offered; moving the writes first is the remedy.
    function claim() external {
        require(!claimed[msg.sender], "claimed");
        _safeMint(msg.sender, nextId); // expect: reentrancy-callback
        claimed[msg.sender] = true;
        nextId += 1;
    }
}
