// Runs the built sol-audit CLI as a child process against throw-away projects in the temp folder.

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const FIXTURES_ROOT = path.join(REPO_ROOT, 'test-fixtures');
export const CLI_PATH = path.join(REPO_ROOT, 'cli/dist/cli.js');

/** `npm test` builds before mocha; a single test file run on a fresh checkout builds here. */
export function ensureCliBuilt(): void {
  if (!fs.existsSync(CLI_PATH)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

const SARIF_SCHEMA_PATH = path.join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** The SARIF 2.1.0 schema, with only the three formats it uses, checked with the platform's own parsers. */
export function compileSarifSchema(): ValidateFunction {
  // The schema's language pattern is not valid in unicode mode (a stray `]`), so compile patterns without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project folder (with a foundry.toml so it is its own root) holding the given files. */
export function makeProject(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-cli-')));
  writeFiles(root, { 'foundry.toml': '[profile.default]\nsrc = "src"\n', ...files });
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}

export function removeProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** One tx-origin finding (medium) on line 8, column 17. */
export const WALLET_SOL = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Wallet {
    address public owner = msg.sender;

    function withdrawAll(address payable to) external {
        require(tx.origin == owner, "not owner");
        to.transfer(address(this).balance);
    }
}
`;

export const CLEAN_SOL = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Counter {
    uint256 public count;

    function increment() external {
        count += 1;
    }
}
`;
