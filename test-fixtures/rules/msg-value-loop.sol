// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Shop {
    uint256 public constant PRICE = 1 ether;
    mapping(address => uint256) public credit;
    mapping(uint256 => address) public ownerOf;
    address public immutable owner = msg.sender;

    function withdraw() external {
        require(msg.sender == owner, "not owner");
        (bool ok, ) = payable(owner).call{value: address(this).balance}("");
        require(ok, "failed");
    }

    function batchBuy(uint256[] calldata ids) external payable {
        for (uint256 i = 0; i < ids.length; i++) {
            require(msg.value >= PRICE, "underpaid"); // expect: msg-value-loop
            ownerOf[ids[i]] = msg.sender;
        }
    }

    function creditAll(address[] calldata users) external payable {
        uint256 i;
        while (i < users.length) {
            _credit(users[i]); // expect: msg-value-loop
            i++;
        }
    }

    function _credit(address user) internal {
        credit[user] += msg.value;
    }

    // Summing inside the loop and comparing once after it is the fix.
    function batchBuyChecked(uint256[] calldata ids) external payable {
        uint256 total;
        for (uint256 i = 0; i < ids.length; i++) {
            total += PRICE;
            ownerOf[ids[i]] = msg.sender;
        }
        require(msg.value == total, "wrong payment");
    }

    // msg.value outside any loop.
    function buy(uint256 id) external payable {
        require(msg.value == PRICE, "wrong payment");
        ownerOf[id] = msg.sender;
    }
}
