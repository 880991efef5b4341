pragma solidity ^0.4.18;

// Pre-0.5 constructors named like the contract, unnamed fallback functions, and events fired without `emit`.
contract Owned {
    address public owner;
    event OwnerChanged(address indexed previous, address indexed next);

    function Owned() public {
        owner = msg.sender;
    }

    modifier onlyOwner {
        require(msg.sender == owner);
        _;
    }

    function changeOwner(address next) public onlyOwner {
        OwnerChanged(owner, next);
        owner = next;
    }
}

contract Wallet is Owned {
    event Deposit(address from, uint value);
    uint public created;

    function Wallet(uint start) public Owned() {
        created = start;
    }

    function () public payable {
        Deposit(msg.sender, msg.value);
    }

    function sweep() public onlyOwner {
        selfdestruct(owner);
    }
}
