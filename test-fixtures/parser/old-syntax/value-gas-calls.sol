pragma solidity ^0.4.24;

// Pre-0.7 call options written as `.value()` and `.gas()` calls, and the low-level calls of that time.
contract Payer {
    function pay(address to, uint amount) public {
        require(to.call.value(amount)());
        require(to.call.gas(50000).value(amount)(bytes4(keccak256("deposit()"))));
        to.transfer(amount);
        if (!to.send(amount)) revert();
    }

    function forward(Payer other) public payable {
        other.pay.value(msg.value).gas(100000)(msg.sender, msg.value);
    }

    function delegated(address lib) public returns (bool) {
        return lib.delegatecall(msg.data);
    }

    function callcode(address lib) public returns (bool) {
        return lib.callcode(bytes4(sha3("f()")));
    }
}
