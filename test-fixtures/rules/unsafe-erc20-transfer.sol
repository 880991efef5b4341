// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

// Neither package is installed next to this fixture: the interfaces cannot be resolved, as in a project whose
// dependencies were not fetched. The calls through them are still ERC-20 calls.
import {IERC20} from "openzeppelin-contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "openzeppelin-contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "openzeppelin-contracts/token/ERC721/IERC721.sol";
import {IStakingShares} from "staking-core/interfaces/IStakingShares.sol";

interface IERC20Like {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

// USDT's real signatures: no return value, so calls through this interface decode nothing and do not revert.
interface IUSDTLike {
    function transfer(address to, uint256 amount) external;
    function transferFrom(address from, address to, uint256 amount) external;
}

contract MultiTokenVault {
    using SafeERC20 for IERC20;

    address public immutable owner;
    IERC20 public immutable feeToken;
    mapping(address => mapping(address => uint256)) public balances;
    uint256 public fees;

    constructor(IERC20 feeToken_) {
        owner = msg.sender;
        feeToken = feeToken_;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function deposit(address token, uint256 amount) external {
        require(IERC20(token).transferFrom(msg.sender, address(this), amount), "pull failed"); // expect: unsafe-erc20-transfer, fee-on-transfer
        balances[token][msg.sender] += amount;
    }

    function depositUnchecked(address token, uint256 amount) external {
        IERC20Like(token).transferFrom(msg.sender, address(this), amount); // expect: unchecked-transfer, unsafe-erc20-transfer, fee-on-transfer
        balances[token][msg.sender] += amount;
    }

    function withdrawMany(address[] calldata tokens, uint256[] calldata amounts) external {
        for (uint256 i = 0; i < tokens.length; i++) {
            balances[tokens[i]][msg.sender] -= amounts[i];
            IERC20(tokens[i]).transfer(msg.sender, amounts[i]); // expect: unchecked-transfer, unsafe-erc20-transfer
        }
    }

    function redeem(address token, uint256 amount) external {
        balances[token][msg.sender] -= amount;
        _pay(token, msg.sender, amount);
    }

    function _pay(address token, address to, uint256 amount) internal {
        bool ok = IERC20(token).transfer(to, amount); // expect: unsafe-erc20-transfer
        require(ok, "pay failed");
    }

    // Look-alikes that stay silent.

    // SafeERC20 accepts an empty return.
    function withdrawSafe(address token, uint256 amount) external {
        balances[token][msg.sender] -= amount;
        IERC20(token).safeTransfer(msg.sender, amount);
    }

    // A low-level call that accepts empty return data does what SafeERC20 does.
    function withdrawLowLevel(address token, uint256 amount) external {
        balances[token][msg.sender] -= amount;
        (bool ok, bytes memory data) = token.call(abi.encodeWithSelector(IERC20.transfer.selector, msg.sender, amount)); // expect: return-bomb
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "transfer failed");
    }

    // An interface with USDT's signatures decodes nothing.
    function withdrawTether(address token, uint256 amount) external {
        balances[token][msg.sender] -= amount;
        IUSDTLike(token).transfer(msg.sender, amount);
    }

    // The fee token is fixed at deployment: its deployer knows whether it returns a boolean.
    function collectFees() external onlyOwner {
        uint256 amount = fees;
        fees = 0;
        require(feeToken.transfer(owner, amount), "fee transfer failed");
    }

    // The owner picks the token to rescue, not a user.
    function rescue(address token, uint256 amount) external onlyOwner {
        require(IERC20(token).transfer(owner, amount), "rescue failed");
    }

    // An NFT moves a token id; ERC-721 transferFrom returns nothing.
    function lockNft(address nft, uint256 tokenId) external {
        IERC721(nft).transferFrom(msg.sender, address(this), tokenId);
    }

    // An unresolved interface of another name may declare no return value: only unchecked-transfer, at low confidence.
    function unstake(address shares, uint256 amount) external {
        IStakingShares(shares).transfer(msg.sender, amount); // expect: unchecked-transfer
    }
}
