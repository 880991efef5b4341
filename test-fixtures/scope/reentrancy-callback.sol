// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20; // expect: floating-pragma

interface IScopeNft {
    function safeTransferFrom(address from, address to, uint256 id) external;
}

// Scope case: whether a hook call is flagged depends on the bodies of the helpers it calls: the stale read sits
// in `_isClaimed` (emptying it removes the finding) and the caller check in `_gate` (emptying it adds one).
contract ReentrancyCallbackScope {
    address private immutable owner = msg.sender;
    IScopeNft private immutable nft;
    mapping(uint256 => bool) private claimed;

    constructor(IScopeNft nft_) {
        nft = nft_;
    }

    // `claimed` is read in a helper before the hook and written after it: flagged.
    function claim(address to, uint256 id) external {
        require(!_isClaimed(id), "claimed");
        nft.safeTransferFrom(address(this), to, id); // expect: reentrancy-callback
        claimed[id] = true;
    }

    // The same shape behind a caller check in a helper: a restricted caller picks the recipient on purpose.
    function claimFor(address to, uint256 id) external {
        _gate();
        require(!claimed[id], "claimed");
        nft.safeTransferFrom(address(this), to, id);
        claimed[id] = true;
    }

    function _isClaimed(uint256 id) internal view returns (bool) {
        return claimed[id];
    }

    function _gate() internal view {
        require(msg.sender == owner, "not owner");
    }
}
