// The real-world precision corpus: production Solidity of pinned npm packages that this project did not write,
// with the Solidity packages each one imports, fetched by scripts/fetchCorpus.ts into .corpus-cache/ (git-ignored).
// Only production sources are scanned: tests, mocks, scripts, examples and vendored copies are left out.

import * as path from 'node:path';
import { REPO_ROOT } from './fixtureProject';

export interface CorpusPackage {
  /** npm name, also the prefix of every file path in the triage table of docs/precision.md. */
  name: string;
  version: string;
  /** Folders of the package (relative to its root) whose `.sol` files are scanned. */
  include: string[];
  /** Folder names left out at any depth below `include`, on top of the ones every package leaves out. */
  excludeDirs?: string[];
  /** Solidity packages its sources import, installed under the package's own node_modules: folder → npm spec. */
  imports?: Record<string, string>;
}

/** Folders that hold tests, mocks, deployment scripts, examples or vendored copies in every package below. */
export const NON_PRODUCTION_DIRS = ['test', 'tests', 'testhelpers', 'test-helpers', 'mock', 'mocks', 'script', 'scripts', 'examples', 'example', 'vendor'];
/** File names of tests, scripts and mocks written next to production code. */
export const NON_PRODUCTION_FILE = /(\.t\.sol|\.s\.sol)$|Mock|Harness/;

export const CORPUS_PACKAGES: CorpusPackage[] = [
  {
    name: '@chainlink/contracts',
    version: '1.5.0',
    include: ['src/v0.8'],
    // `dev/` holds contracts Chainlink marks as unaudited work in progress.
    excludeDirs: ['dev'],
    imports: {
      '@openzeppelin/contracts-4.7.3': '@openzeppelin/contracts@4.7.3',
      '@openzeppelin/contracts-4.8.3': '@openzeppelin/contracts@4.8.3',
      '@openzeppelin/contracts-4.9.6': '@openzeppelin/contracts@4.9.6',
      '@openzeppelin/contracts-5.0.2': '@openzeppelin/contracts@5.0.2',
      '@openzeppelin/contracts-5.1.0': '@openzeppelin/contracts@5.1.0',
      '@openzeppelin/contracts-upgradeable': '@openzeppelin/contracts-upgradeable@4.9.6',
      '@eth-optimism/contracts': '@eth-optimism/contracts@0.6.0',
      '@scroll-tech/contracts': '@scroll-tech/contracts@2.0.0',
      '@arbitrum/nitro-contracts': '@arbitrum/nitro-contracts@3.0.0',
    },
  },
  { name: '@safe-global/safe-contracts', version: '1.4.1', include: ['contracts'] },
  {
    name: '@uniswap/v3-periphery',
    version: '1.4.4',
    include: ['contracts'],
    imports: {
      '@openzeppelin/contracts': '@openzeppelin/contracts@3.4.2-solc-0.7',
      '@uniswap/lib': '@uniswap/lib@4.0.1-alpha',
      '@uniswap/v2-core': '@uniswap/v2-core@1.0.1',
      '@uniswap/v3-core': '@uniswap/v3-core@1.0.0',
      'base64-sol': 'base64-sol@1.0.1',
    },
  },
  // Its own dependencies ship in lib/ and resolve through its remappings.txt.
  { name: '@uniswap/v4-core', version: '1.0.2', include: ['src'] },
  {
    name: '@balancer-labs/v2-vault',
    version: '3.0.1',
    include: ['contracts'],
    imports: {
      '@balancer-labs/v2-interfaces': '@balancer-labs/v2-interfaces@0.2.1',
      '@balancer-labs/v2-solidity-utils': '@balancer-labs/v2-solidity-utils@3.0.1',
    },
  },
  {
    name: '@layerzerolabs/lz-evm-protocol-v2',
    version: '3.0.168',
    include: ['contracts'],
    imports: {
      '@openzeppelin/contracts': '@openzeppelin/contracts@5.1.0',
      '@openzeppelin/contracts-upgradeable': '@openzeppelin/contracts-upgradeable@5.1.0',
      'solidity-bytes-utils': 'solidity-bytes-utils@0.8.2',
      'hardhat-deploy': 'hardhat-deploy@0.12.4',
    },
  },
  {
    name: '@arbitrum/nitro-contracts',
    version: '3.2.0',
    include: ['src'],
    imports: {
      '@openzeppelin/contracts': '@openzeppelin/contracts@4.7.3',
      '@openzeppelin/contracts-upgradeable': '@openzeppelin/contracts-upgradeable@4.7.3',
      '@offchainlabs/upgrade-executor': '@offchainlabs/upgrade-executor@1.1.0-beta.0',
      solady: 'solady@0.0.182',
    },
  },
  {
    name: '@across-protocol/contracts',
    version: '5.0.27',
    include: ['contracts'],
    // `external/` holds interfaces and copies of other protocols' contracts.
    excludeDirs: ['external'],
    imports: {
      '@openzeppelin/contracts': '@openzeppelin/contracts@5.5.0',
      '@openzeppelin/contracts-upgradeable': '@openzeppelin/contracts-upgradeable@5.5.0',
      '@openzeppelin/contracts-v4': '@openzeppelin/contracts@4.9.6',
      '@openzeppelin/contracts-upgradeable-v4': '@openzeppelin/contracts-upgradeable@4.9.6',
      '@eth-optimism/contracts': '@eth-optimism/contracts@0.5.40',
    },
  },
  { name: '@axelar-network/axelar-gmp-sdk-solidity', version: '6.2.0', include: ['contracts'] },
  { name: 'erc721a', version: '4.3.0', include: ['contracts'] },
  { name: '@prb/math', version: '4.2.0', include: ['src'] },
  { name: 'solady', version: '0.1.26', include: ['src'] },
];

export const CORPUS_CACHE = path.join(REPO_ROOT, '.corpus-cache');

/** Where a package is unpacked: its own project root, with its imports under `node_modules/`. */
export function packageRoot(pkg: CorpusPackage): string {
  return path.join(CORPUS_CACHE, 'packages', `${pkg.name.replace('/', '__')}@${pkg.version}`);
}
