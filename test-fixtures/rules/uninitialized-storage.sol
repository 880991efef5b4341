// SPDX-License-Identifier: MIT
pragma solidity 0.4.24; // expect: outdated-compiler

contract NameRegistry {
    bool public unlocked;
    address public owner;

    struct NameRecord {
        bytes32 name;
        address mappedAddress;
    }

    enum Status { Open, Closed }

    mapping(bytes32 => NameRecord) public records;

    function register(bytes32 name, address mapped) public {
        NameRecord record; // expect: uninitialized-storage
        record.name = name;
        record.mappedAddress = mapped;
        records[name] = record;
        require(unlocked);
    }

    function explicitPointer() public {
        NameRecord storage pointer; // expect: uninitialized-storage
        pointer.name = "x";
    }

    function localArray() public {
        uint256[] numbers; // expect: uninitialized-storage
        numbers.push(1);
    }

    // Look-alikes: memory, initialised pointers, value types and enums.
    function safe(bytes32 name) public {
        NameRecord memory scratch;
        scratch.name = name;
        NameRecord storage existing = records[name];
        existing.mappedAddress = msg.sender;
        uint256 count;
        count = count + 0;
        Status status;
        status = Status.Closed;
    }
}
