// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {IERC777} from "@openzeppelin/contracts/interfaces/IERC777.sol";

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

// Counters checked before a `_safeMint` loop (inside a helper) and moved after it.
contract DropSale is ERC721, ReentrancyGuard {
    uint256 public constant MAX_SUPPLY = 500;
    uint256 public totalMinted;

    constructor() ERC721("Drop", "DRP") {}

    function mint(uint256 quantity) external {
        require(totalMinted + quantity <= MAX_SUPPLY, "sold out");
        _mintMany(msg.sender, quantity); // expect: reentrancy-callback
    }

    function _mintMany(address to, uint256 quantity) internal {
        for (uint256 i = 0; i < quantity; i++) {
            _safeMint(to, totalMinted + i);
        }
        totalMinted += quantity;
    }

    // The guard holds during every hook.
    function mintGuarded(uint256 quantity) external nonReentrant {
        require(totalMinted + quantity <= MAX_SUPPLY, "sold out");
        _mintMany(msg.sender, quantity); // expect: reentrancy-read-only
    }

    // `_mint` calls no hook: nothing can re-enter between the check and the update.
    function mintUnsafe(uint256 quantity) external {
        require(totalMinted + quantity <= MAX_SUPPLY, "sold out");
        for (uint256 i = 0; i < quantity; i++) {
            _mint(msg.sender, totalMinted + i);
        }
        totalMinted += quantity;
    }
}

// ERC-1155 `_mint` calls `onERC1155Received` on a contract recipient.
contract EditionClaim is ERC1155 {
    mapping(address => bool) public claimed;

    constructor() ERC1155("") {}

    function claim(uint256 id) external {
        require(!claimed[msg.sender], "claimed");
        _mint(msg.sender, id, 1, ""); // expect: reentrancy-callback
        claimed[msg.sender] = true;
    }

    function claimSafely(uint256 id) external {
        require(!claimed[msg.sender], "claimed");
        claimed[msg.sender] = true;
        _mint(msg.sender, id, 1, "");
    }
}

// ERC-777 `send` calls the recipient's `tokensReceived`, even on a token fixed at deployment.
contract RewardPot {
    IERC777 public immutable rewardToken;
    mapping(address => uint256) public owed;

    constructor(IERC777 token) {
        rewardToken = token;
    }

    function claim() external {
        uint256 amount = owed[msg.sender];
        rewardToken.send(msg.sender, amount, ""); // expect: reentrancy-callback
        owed[msg.sender] = 0;
    }

    function claimSafely() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        rewardToken.send(msg.sender, amount, "");
    }
}
