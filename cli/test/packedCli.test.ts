// The CLI as users get it: `npx sol-audit` in this repository, and the package `npm pack cli/dist` makes,
// installed with the registry out of reach into a fresh Foundry-style project and run there.

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, writeFiles } from './cliHarness';

const CLI_PACKAGE = path.join(REPO_ROOT, 'cli/dist');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cli/package.json'), 'utf8')) as { version: string }).version;

/** Vulnerable code in src/, and a dependency in lib/ with a bug of its own that a scan of src must not report. */
const FOUNDRY_PROJECT = {
  'foundry.toml': '[profile.default]\nsrc = "src"\nlibs = ["lib"]\n',
  'package.json': '{ "private": true }\n',
  'lib/owned/src/Owned.sol': `// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Owned {
    address public owner = msg.sender;

    function isOwner() internal view returns (bool) {
        return tx.origin == owner;
    }
}
`,
  'src/Vault.sol': `// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

import {Owned} from "owned/Owned.sol";

contract Vault is Owned {
    function withdrawAll(address payable to) external {
        require(tx.origin == owner, "not owner");
        to.transfer(address(this).balance);
    }
}
`,
};

/** npm with the settings a surrounding `npm test` exports (npm_config_*, workspace paths) left out. */
function npm(command: 'npm' | 'npx', args: string[], cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  return spawnSync(command, args, { cwd, env, encoding: 'utf8' });
}

function assertRan(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

const NPM_MISSING = spawnSync('npm', ['--version']).error !== undefined;

(NPM_MISSING ? describe.skip : describe)(`the installed CLI${NPM_MISSING ? ' (skipped: npm is not on PATH)' : ''}`, function () {
  this.timeout(120_000);

  before(() => {
    // `npm test` builds first; a single test file run on a fresh checkout builds here.
    if (!fs.existsSync(path.join(CLI_PACKAGE, 'package.json'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  });

  it('npx sol-audit runs the built CLI in this repository (the bin npm ci links)', () => {
    assert.equal(assertRan(npm('npx', ['--offline', 'sol-audit', '--version'], REPO_ROOT), 'npx sol-audit --version').trim(), VERSION);
  });

  it('npm pack cli/dist installs offline into a Foundry project, and npx sol-audit src finds the vulnerable line there', () => {
    const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-pack-')));
    try {
      const [packed] = JSON.parse(assertRan(npm('npm', ['pack', CLI_PACKAGE, '--pack-destination', temp, '--json'], REPO_ROOT), 'npm pack')) as { filename: string }[];
      const project = path.join(temp, 'project');
      writeFiles(project, FOUNDRY_PROJECT);
      // --offline: the package must install from the tarball alone, so nothing may need the registry.
      assertRan(npm('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(temp, packed.filename)], project), 'npm install of the packed CLI');

      const report = JSON.parse(assertRan(npm('npx', ['--offline', 'sol-audit', 'src', '--format', 'json'], project), 'npx sol-audit src')) as {
        files: string[];
        findings: { ruleId: string; file: string; range: { startLine: number } }[];
      };
      assert.deepEqual(report.files, ['src/Vault.sol']);
      const found = report.findings.map((f) => `${f.file}:${f.range.startLine} ${f.ruleId}`);
      assert.ok(found.includes('src/Vault.sol:8 tx-origin'), `no tx-origin finding on src/Vault.sol:8 in: ${found.join(', ')}`);
      assert.deepEqual(found.filter((f) => !f.startsWith('src/')), []);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });
});
