// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        return a * b;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        return a / b;
    }
}

contract NaiveVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    function totalAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function deposit(uint256 assets) external returns (uint256 shares) {
        shares = totalSupply == 0 ? assets : (assets * totalSupply) / totalAssets(); // expect: erc4626-inflation
        require(asset.transferFrom(msg.sender, address(this), assets), "transfer");
        totalSupply += shares;
        balanceOf[msg.sender] += shares;
    }

    function mint(uint256 shares) external returns (uint256 assets) {
        assets = previewMint(shares);
        require(asset.transferFrom(msg.sender, address(this), assets), "transfer");
        totalSupply += shares;
        balanceOf[msg.sender] += shares;
    }

    // A view helper `mint` calls prices the mint.
    function previewMint(uint256 shares) public view returns (uint256) {
        uint256 held = asset.balanceOf(address(this));
        return totalSupply == 0 ? shares : (shares * held) / totalSupply;
    }

    // Display only: no state-changing function uses this preview, and `deposit` is reported above.
    function previewDeposit(uint256 assets) external view returns (uint256) {
        uint256 held = asset.balanceOf(address(this));
        return (assets * totalSupply) / held;
    }
}

// A staking pool outside ERC4626, with SafeMath spellings.
contract StakingPool {
    using SafeMath for uint256;

    IERC20 public immutable token;
    uint256 public totalShares;
    mapping(address => uint256) public shares;

    constructor(IERC20 token_) {
        token = token_;
    }

    function stake(uint256 amount) external {
        uint256 minted = totalShares == 0 ? amount : amount.mul(totalShares).div(token.balanceOf(address(this))); // expect: erc4626-inflation
        require(token.transferFrom(msg.sender, address(this), amount), "transfer");
        totalShares += minted;
        shares[msg.sender] += minted;
    }

    // The pro-rata payout of a withdrawal: a donation only raises what every holder gets.
    function unstake(uint256 amount) external {
        uint256 payout = (amount * token.balanceOf(address(this))) / totalShares;
        totalShares -= amount;
        shares[msg.sender] -= amount;
        require(token.transfer(msg.sender, payout), "transfer");
    }
}

// An ether pool priced against `address(this).balance`, its rate computed and divided by in one function.
contract EtherPool {
    uint256 public totalShares;
    mapping(address => uint256) public shares;

    function deposit() external payable {
        uint256 rate = totalShares == 0 ? 1e18 : ((address(this).balance - msg.value) * 1e18) / totalShares; // expect: erc4626-inflation
        uint256 minted = (msg.value * 1e18) / rate;
        totalShares += minted;
        shares[msg.sender] += minted;
    }

    // The pro-rata payout in ether.
    function withdraw(uint256 amount) external {
        uint256 payout = (amount * address(this).balance) / totalShares;
        totalShares -= amount;
        shares[msg.sender] -= amount;
        (bool ok, ) = payable(msg.sender).call{value: payout}("");
        require(ok, "send");
    }
}

// A Compound-style market: the exchange rate counts the cash the market holds.
contract LendingMarket {
    IERC20 public immutable underlying;
    uint256 public totalSupply;
    uint256 public totalBorrows;
    uint256 public totalReserves;
    uint256 internal constant INITIAL_EXCHANGE_RATE = 2e16;
    mapping(address => uint256) public accountTokens;

    constructor(IERC20 underlying_) {
        underlying = underlying_;
    }

    function getCash() public view returns (uint256) {
        return underlying.balanceOf(address(this));
    }

    function exchangeRateStored() public view returns (uint256) {
        if (totalSupply == 0) return INITIAL_EXCHANGE_RATE;
        return ((getCash() + totalBorrows - totalReserves) * 1e18) / totalSupply; // expect: erc4626-inflation, uninitialized-state
    }

    function mint(uint256 amount) external {
        uint256 rate = exchangeRateStored();
        require(underlying.transferFrom(msg.sender, address(this), amount), "transfer");
        uint256 minted = (amount * 1e18) / rate;
        totalSupply += minted;
        accountTokens[msg.sender] += minted;
    }

    function redeem(uint256 tokens) external {
        uint256 amount = (tokens * exchangeRateStored()) / 1e18;
        totalSupply -= tokens;
        accountTokens[msg.sender] -= tokens;
        require(underlying.transfer(msg.sender, amount), "transfer");
    }
}

contract TrackedVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;
    uint256 public totalManaged;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    // Assets tracked in storage cannot be inflated by a donation; the balance is read only to measure the transfer.
    function deposit(uint256 assets) external returns (uint256 shares) {
        uint256 before = asset.balanceOf(address(this));
        require(asset.transferFrom(msg.sender, address(this), assets), "transfer");
        uint256 received = asset.balanceOf(address(this)) - before;
        shares = totalSupply == 0 ? received : (received * totalSupply) / totalAssets();
        totalManaged += received;
        totalSupply += shares;
    }

    // The live balance is only checked against the books; the price is the books.
    function totalAssets() public view returns (uint256) {
        require(asset.balanceOf(address(this)) >= totalManaged, "insolvent");
        return totalManaged;
    }

    // Display only: the rate against the live balance, which no state-changing function uses.
    function exchangeRate() external view returns (uint256) {
        return (asset.balanceOf(address(this)) * 1e18) / totalSupply;
    }
}

contract VirtualOffsetVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    // Virtual offsets, OpenZeppelin style.
    function deposit(uint256 assets) external returns (uint256 shares) {
        shares = (assets * (totalSupply + 1)) / (asset.balanceOf(address(this)) + 1);
        require(asset.transferFrom(msg.sender, address(this), assets), "transfer");
        totalSupply += shares;
    }
}

contract VirtualOffsetPool {
    uint256 public totalShares;
    uint256 private constant VIRTUAL_ASSETS = 1e3;
    mapping(address => uint256) public shares;

    function deposit() external payable {
        uint256 rate = ((address(this).balance - msg.value + VIRTUAL_ASSETS) * 1e18) / (totalShares + 1e3);
        uint256 minted = (msg.value * 1e18) / rate;
        totalShares += minted;
        shares[msg.sender] += minted;
    }

    // The pro-rata payout in ether.
    function withdraw(uint256 amount) external {
        uint256 payout = (amount * address(this).balance) / totalShares;
        totalShares -= amount;
        shares[msg.sender] -= amount;
        (bool ok, ) = payable(msg.sender).call{value: payout}("");
        require(ok, "send");
    }
}

contract DeadSharesVault {
    IERC20 public immutable asset;
    uint256 public totalSupply;
    uint256 public constant MINIMUM_LIQUIDITY = 1000;

    event Deposit(address indexed owner, uint256 assets, uint256 shares);

    constructor(IERC20 asset_) {
        asset = asset_;
    }

    // Dead shares minted on the first deposit make the donation unprofitable.
    function deposit(uint256 assets) external returns (uint256 shares) {
        if (totalSupply == 0) {
            shares = assets - MINIMUM_LIQUIDITY;
            totalSupply = MINIMUM_LIQUIDITY;
        } else {
            shares = (assets * totalSupply) / asset.balanceOf(address(this));
        }
        require(asset.transferFrom(msg.sender, address(this), assets), "transfer");
        totalSupply += shares;
        emit Deposit(msg.sender, assets, shares);
    }
}

contract BurnedSharesMarket {
    IERC20 public immutable underlying;
    uint256 public totalSupply;
    mapping(address => uint256) public accountTokens;

    constructor(IERC20 underlying_) {
        underlying = underlying_;
    }

    function exchangeRate() public view returns (uint256) {
        return totalSupply == 0 ? 1e18 : (underlying.balanceOf(address(this)) * 1e18) / totalSupply;
    }

    // The first mint locks 1000 shares at a burn address, as Uniswap v2 does.
    function mint(uint256 amount) external {
        uint256 minted = (amount * 1e18) / exchangeRate();
        require(underlying.transferFrom(msg.sender, address(this), amount), "transfer");
        if (totalSupply == 0) {
            accountTokens[address(0xdead)] += 1000;
            minted -= 1000;
            totalSupply += 1000;
        }
        totalSupply += minted;
        accountTokens[msg.sender] += minted;
    }
}

contract MinimumDepositPool {
    uint256 public totalShares;
    uint256 public constant MIN_INITIAL_DEPOSIT = 1 ether;
    mapping(address => uint256) public shares;

    // A large minimum first deposit makes the donation cost more than it can steal.
    function deposit() external payable {
        require(totalShares > 0 || msg.value >= MIN_INITIAL_DEPOSIT, "first deposit too small");
        uint256 minted = totalShares == 0 ? msg.value : (msg.value * totalShares) / (address(this).balance - msg.value);
        totalShares += minted;
        shares[msg.sender] += minted;
    }

    // The pro-rata payout in ether.
    function withdraw(uint256 amount) external {
        uint256 payout = (amount * address(this).balance) / totalShares;
        totalShares -= amount;
        shares[msg.sender] -= amount;
        (bool ok, ) = payable(msg.sender).call{value: payout}("");
        require(ok, "send");
    }
}
