// SPDX-License-Identifier: MIT
// A hand-written mutex under an unusual name: recognised by its shape (flag read, set before `_`, reset after).
pragma solidity ^0.8.20;

abstract contract Exclusive {
    bool private _busy;

    modifier exclusive() {
        require(!_busy, "busy");
        _busy = true;
        _;
        _busy = false;
    }
}
