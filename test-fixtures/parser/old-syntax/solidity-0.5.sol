pragma solidity ^0.5.0;

// Solidity 0.5: `constructor() public`, `emit`, `address payable`, explicit data locations, `calldata`.
contract Auction {
    address payable public beneficiary;
    mapping(address => uint) public pendingReturns;
    uint public highestBid;
    bytes32[] public history;
    event HighestBidIncreased(address bidder, uint amount);

    constructor(address payable _beneficiary) public {
        beneficiary = _beneficiary;
    }

    function bid() public payable {
        require(msg.value > highestBid, "bid too low");
        pendingReturns[msg.sender] += msg.value;
        highestBid = msg.value;
        history.push(keccak256(abi.encodePacked(msg.sender, msg.value, block.timestamp)));
        emit HighestBidIncreased(msg.sender, msg.value);
    }

    function withdraw() public returns (bool) {
        uint amount = pendingReturns[msg.sender];
        if (amount > 0) {
            pendingReturns[msg.sender] = 0;
            (bool ok, ) = msg.sender.call.value(amount)("");
            if (!ok) {
                pendingReturns[msg.sender] = amount;
                return false;
            }
        }
        return true;
    }

    function digest(bytes calldata data, string memory label) external pure returns (bytes32) {
        return keccak256(abi.encode(data, label));
    }

    function () external payable {
        revert();
    }
}
