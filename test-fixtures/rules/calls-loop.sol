// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IRewarder {
    function notify(address user) external;
}

contract Distributor {
    address payable[] public recipients;
    IRewarder[] public rewarders;

    function register() external {
        recipients.push(payable(msg.sender));
    }

    function distribute() external {
        uint256 count = recipients.length;
        uint256 share = address(this).balance / count;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            (bool ok, ) = recipients[i].call{value: share}(""); // expect: calls-loop, push-payment-dos
            require(ok, "failed");
        }
    }

    function notifyAll(address user) external {
        uint256 i;
        uint256 count = rewarders.length;
        while (i < count) {
            _notify(rewarders[i], user); // expect: calls-loop
            i++;
        }
    }

    function _notify(IRewarder rewarder, address user) internal {
        rewarder.notify(user);
    }

    // The caller chooses the list: a failing entry only hurts the caller's own batch.
    function notifySome(IRewarder[] calldata some, address user) external {
        for (uint256 i = 0; i < some.length; i++) {
            some[i].notify(user);
        }
    }

    // Calls into this contract itself.
    function batch(bytes[] calldata calls) external {
        uint256 count = calls.length + recipients.length;
        for (uint256 i = 0; i < count; i++) { // expect: unbounded-loop
            (bool ok, ) = address(this).delegatecall(calls[i]);
            require(ok, "failed");
        }
    }
}
