pragma solidity 0.4.24; // expect: outdated-compiler

contract Queue {
    address public owner = msg.sender;
    uint256[] public items;

    function pop() public {
        items.length--; // expect: array-length-assignment
    }

    function resize(uint256 size) public {
        items.length = size; // expect: array-length-assignment
    }

    function shrink(uint256 by) public {
        items.length -= by; // expect: array-length-assignment, integer-overflow
    }

    function set(uint256 i, uint256 v) public {
        require(i < items.length);
        items[i] = v;
    }
}

contract QueueLookAlikes {
    struct Window { uint256 length; }
    uint256[] public items;
    Window public window;

    function reset() public {
        items.length = 0;
    }

    function popChecked() public {
        require(items.length > 0);
        delete items[items.length - 1];
    }

    function setWindow(uint256 size) public {
        window.length = size;
    }
}
