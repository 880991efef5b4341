// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;
// sol-audit-disable-file assembly

// Each suppression form silences exactly what it names; stale or unknown ones are reported themselves.
contract Suppressions {
    address public target;

    function nextLine(address payable to) external {
        // sol-audit-disable-next-line unchecked-send, transfer-gas-stipend, arbitrary-send-eth -- refunds are best effort
        to.send(1 wei); // expect: missing-zero-check
    }

    function sameLine(bytes calldata data) external {
        target.call(data); // sol-audit-disable-line unchecked-lowlevel
    }

    function allRulesNextLine(address payable to) external {
        // sol-audit-disable-next-line
        to.send(1 wei);
    }

    function onlyOneOfTwo(address payable to) external {
        // sol-audit-disable-next-line unchecked-send
        to.send(1 wei); // expect: transfer-gas-stipend, arbitrary-send-eth, missing-zero-check
    }

    function fileWide(bytes32 slot) external {
        assembly {
            sstore(slot, 1)
        }
    }

    function stale() external view returns (address) {
        // sol-audit-disable-next-line tx-origin // expect: unused-suppression
        return msg.sender;
    }

    function unknownRule() external view returns (address) {
        // sol-audit-disable-next-line no-such-rule // expect: unused-suppression
        return target;
    }

    // A block comment before the function covers the header line, not the call below it.
    /* sol-audit-disable-next-line unchecked-lowlevel */ // expect: unused-suppression
    function blockComment(bytes calldata data) external {
        target.call(data); // expect: unchecked-lowlevel
    }
}
