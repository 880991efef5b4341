// Folder scans: which `.sol` files are the project's own and which sit in dependency folders or build outputs,
// over in-memory projects. A folder that only shares a name with a dependency folder (`src/lib/`) is scanned.

import * as assert from 'node:assert/strict';
import { InMemoryFileHost, listSolidityFiles, readProjectLayout, type SolidityFiles } from '../src/index';

const SOL = 'pragma solidity 0.8.24;\n';

function hostOf(files: Record<string, string>): InMemoryFileHost {
  return new InMemoryFileHost(new Map(Object.entries(files).map(([name, text]) => [`/p/${name}`, text])));
}

/** Files and left-out folders relative to /p, for short expectations. */
function scan(files: Record<string, string>, target = '/p', includeDependencies = false): { files: string[]; leftOut: string[] } {
  const result: SolidityFiles = listSolidityFiles(target, hostOf(files), { includeDependencies });
  const relative = (p: string): string => p.replace(/^\/p\//, '');
  return { files: result.files.map(relative), leftOut: result.leftOut.map((f) => `${relative(f.folder)} ${f.reason} ${f.files.length}`) };
}

describe('folder scan', () => {
  it('scans lib/ inside src/ and leaves out the root lib/, counting its files', () => {
    const result = scan({
      'foundry.toml': '[profile.default]\nsrc = "src"\n',
      'src/Vault.sol': SOL,
      'src/lib/Math.sol': SOL,
      'contracts/lib/Auth.sol': SOL,
      'lib/forge-std/src/Test.sol': SOL,
      'lib/forge-std/src/Vm.sol': SOL,
    });
    assert.deepEqual(result.files, ['contracts/lib/Auth.sol', 'src/Vault.sol', 'src/lib/Math.sol']);
    assert.deepEqual(result.leftOut, ['lib dependency 2']);
  });

  it('honours foundry.toml libs, out and cache_path: the root lib/ is then the project\'s own code', () => {
    const toml = '[profile.default]\nlibs = ["dependencies", "vendor/libs"]\nout = "build"\ncache_path = "forge-cache"\n';
    const result = scan({
      'foundry.toml': toml,
      'lib/Own.sol': SOL,
      'out/Own.sol': SOL,
      'dependencies/solady/src/Solady.sol': SOL,
      'vendor/libs/Old.sol': SOL,
      'vendor/Kept.sol': SOL,
      'build/Flat.sol': SOL,
      'forge-cache/Copy.sol': SOL,
    });
    assert.deepEqual(result.files, ['lib/Own.sol', 'out/Own.sol', 'vendor/Kept.sol']);
    assert.deepEqual(result.leftOut, ['build build-output 1', 'dependencies dependency 1', 'forge-cache build-output 1', 'vendor/libs dependency 1']);
  });

  it('unions libs over every profile, as a scan cannot know which profile builds', () => {
    const layout = readProjectLayout('/p', hostOf({ 'foundry.toml': '[profile.default]\nlibs = ["lib"]\n[profile.ci]\nlibs = ["deps"]\n' }));
    assert.deepEqual(layout.libs, ['lib', 'deps']);
  });

  it('falls back to Foundry\'s defaults when foundry.toml is missing or broken', () => {
    for (const files of [{}, { 'foundry.toml': 'libs = [' }] as Record<string, string>[]) {
      assert.deepEqual(readProjectLayout('/p', hostOf(files)).libs, ['lib']);
    }
  });

  it('leaves out node_modules at any depth, and Hardhat\'s outputs at the root only', () => {
    const result = scan({
      'hardhat.config.ts': '',
      'contracts/Token.sol': SOL,
      'contracts/cache/PriceCache.sol': SOL,
      'node_modules/@openzeppelin/contracts/token/ERC20.sol': SOL,
      'packages/app/node_modules/dep/Dep.sol': SOL,
      'artifacts/build-info/Flat.sol': SOL,
      'typechain-types/Nothing.ts': '',
    });
    assert.deepEqual(result.files, ['contracts/Token.sol', 'contracts/cache/PriceCache.sol']);
    assert.deepEqual(result.leftOut, ['artifacts build-output 1', 'node_modules dependency 1', 'packages/app/node_modules dependency 1']);
  });

  it('a nested project (a monorepo package) keeps its own lib/', () => {
    const result = scan({
      'packages/core/foundry.toml': '[profile.default]\n',
      'packages/core/src/lib/Own.sol': SOL,
      'packages/core/lib/dep/Dep.sol': SOL,
      'packages/custom/foundry.toml': '[profile.default]\nlibs = ["deps"]\n',
      'packages/custom/lib/Own.sol': SOL,
      'packages/custom/deps/Dep.sol': SOL,
    });
    assert.deepEqual(result.files, ['packages/core/src/lib/Own.sol', 'packages/custom/lib/Own.sol']);
    assert.deepEqual(result.leftOut, ['packages/core/lib dependency 1', 'packages/custom/deps dependency 1']);
  });

  it('scans dependencies with includeDependencies, but never build outputs, .git or its own cache', () => {
    const result = scan(
      {
        'foundry.toml': '',
        'src/A.sol': SOL,
        'lib/dep/Dep.sol': SOL,
        'out/A.sol/Copy.sol': SOL,
        '.git/Weird.sol': SOL,
        '.sol-audit-cache/Entry.sol': SOL,
      },
      '/p',
      true,
    );
    assert.deepEqual(result.files, ['lib/dep/Dep.sol', 'src/A.sol']);
    assert.deepEqual(result.leftOut, ['out build-output 1']);
  });

  it('walks a folder the user names, even one inside lib/, and does not list empty left-out folders', () => {
    const files = { 'foundry.toml': '', 'lib/dep/src/Dep.sol': SOL, 'cache/solidity-files-cache.json': '{}' };
    assert.deepEqual(scan(files, '/p/lib/dep'), { files: ['lib/dep/src/Dep.sol'], leftOut: [] });
    assert.deepEqual(scan(files).leftOut, ['lib dependency 1']);
  });
});
