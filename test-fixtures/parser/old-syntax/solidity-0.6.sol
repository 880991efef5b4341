pragma solidity ^0.6.12;
pragma experimental ABIEncoderV2;

// Solidity 0.6: `abstract`, `virtual` / `override`, `fallback` and `receive`, try/catch, `{value: …}` options.
interface IOracle {
    function price() external view returns (uint256);
}

abstract contract Base {
    function fee() public view virtual returns (uint256);

    receive() external payable virtual {}
}

contract Market is Base {
    struct Order { address maker; uint256 amount; }
    IOracle public oracle;
    Order[] public orders;
    uint256 private lastPrice;

    constructor(IOracle _oracle) public {
        oracle = _oracle;
    }

    function fee() public view override returns (uint256) {
        return lastPrice / 100;
    }

    function refresh() external returns (bool) {
        try oracle.price() returns (uint256 p) {
            lastPrice = p;
            return true;
        } catch Error(string memory) {
            return false;
        } catch (bytes memory) {
            return false;
        }
    }

    function place(uint256 amount) external payable {
        orders.push(Order({maker: msg.sender, amount: amount}));
        (bool ok, ) = msg.sender.call{value: msg.value}("");
        require(ok);
    }

    fallback() external payable {}
}
