// SPDX-License-Identifier: MIT
// A trimmed copy of OpenZeppelin's Context for the fixture project.
pragma solidity ^0.8.20;

abstract contract Context {
    function _msgSender() internal view virtual returns (address) {
        return msg.sender;
    }
}
