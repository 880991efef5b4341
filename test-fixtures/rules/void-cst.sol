// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

abstract contract Registry {
    uint256 public entries;

    function register() external {
        entries += 1;
    }
}

abstract contract Named {
    string public label;

    constructor() {
        label = "named";
    }
}

contract VoidConstructor is Registry, Named {
    constructor() Registry() Named() {} // expect: void-cst
}

contract VoidConstructorLookAlike is Registry, Named {
    constructor() Named() {}
}
