pragma solidity 0.4.24; // expect: outdated-compiler

contract Missing {
    address private owner;

    modifier onlyowner() {
        require(msg.sender == owner);
        _;
    }

    function missing() public { // expect: incorrect-constructor-name
        owner = msg.sender; // expect: unprotected-critical-function, missing-events-access-control
    }

    function withdraw() public onlyowner {
        owner.transfer(this.balance); // expect: transfer-gas-stipend
    }
}

contract Owned {
    address public owner;

    function Owned() public {
        owner = msg.sender;
    }

    function owner_() public view returns (address) {
        return owner;
    }
}
