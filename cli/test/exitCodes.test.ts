// Exit codes of the built CLI: 0 clean, 1 at or above --fail-on, 2 for usage, config and unknown-rule errors.

import * as assert from 'node:assert/strict';
import { CLEAN_SOL, ensureCliBuilt, makeProject, removeProject, runCli, WALLET_SOL, writeFiles } from './cliHarness';

describe('sol-audit exit codes', () => {
  let root: string;

  before(() => {
    ensureCliBuilt();
    root = makeProject({ 'src/Counter.sol': CLEAN_SOL, 'src/Wallet.sol': WALLET_SOL });
  });
  after(() => removeProject(root));

  it('exits 0 on a clean file', () => {
    const run = runCli(['src/Counter.sol', '--rules', 'tx-origin', '--fail-on', 'informational'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^0 findings \(0 high, 0 medium, 0 low, 0 informational\) in 1 file$/m);
  });

  it('exits 1 when a finding is at the --fail-on severity', () => {
    const run = runCli(['src/Wallet.sol', '--rules', 'tx-origin', '--fail-on', 'medium'], root);
    assert.equal(run.status, 1, run.stderr);
  });

  it('exits 1 when a finding is above the --fail-on severity', () => {
    assert.equal(runCli(['src/Wallet.sol', '--rules', 'tx-origin', '--fail-on', 'low'], root).status, 1);
  });

  it('defaults --fail-on to high, so a medium finding alone exits 0', () => {
    const run = runCli(['src/Wallet.sol', '--rules', 'tx-origin'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /tx-origin/);
  });

  it('never fails with --fail-on never', () => {
    assert.equal(runCli(['src/Wallet.sol', '--rules', 'tx-origin', '--fail-on', 'never'], root).status, 0);
  });

  it('exits 2 on an unknown flag', () => {
    const run = runCli(['--no-such-flag'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown option '--no-such-flag'/);
  });

  it('exits 2 on an invalid --format, --fail-on or --jobs value', () => {
    assert.equal(runCli(['--format', 'xml'], root).status, 2);
    assert.equal(runCli(['--fail-on', 'critical'], root).status, 2);
    const jobs = runCli(['--jobs', '0'], root);
    assert.equal(jobs.status, 2);
    assert.match(jobs.stderr, /--jobs/);
  });

  it('accepts --jobs', () => {
    assert.equal(runCli(['src/Counter.sol', '--rules', 'tx-origin', '--jobs', '2'], root).status, 0);
  });

  it('exits 2 on an unknown rule id in --rules or --exclude-rules', () => {
    for (const flag of ['--rules', '--exclude-rules']) {
      const run = runCli(['src', flag, 'tx-origin,no-such-rule'], root);
      assert.equal(run.status, 2, `${flag}: ${run.stderr}`);
      assert.match(run.stderr, /Unknown rule id "no-such-rule"/);
    }
  });

  it('exits 2 on a bad config, naming the key', () => {
    const project = makeProject({ 'src/Wallet.sol': WALLET_SOL, '.sol-audit.json': '{ "rules": { "tx-origin": "loud" } }' });
    try {
      const run = runCli(['src'], project);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /rules\.tx-origin/);
      writeFiles(project, { '.sol-audit.json': '{ "rulez": {} }' });
      const typo = runCli(['src'], project);
      assert.equal(typo.status, 2);
      assert.match(typo.stderr, /unknown key "rulez"/);
      writeFiles(project, { '.sol-audit.json': '{ "rules": ' });
      assert.match(runCli(['src'], project).stderr, /not valid JSON/);
    } finally {
      removeProject(project);
    }
  });

  it('exits 2 when the --config file does not exist', () => {
    const run = runCli(['src', '--config', 'missing.json'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /missing\.json/);
  });

  it('applies an explicit --config (turning a rule off)', () => {
    writeFiles(root, { 'quiet-config.json': '{ "rules": { "tx-origin": "off" } }' });
    const run = runCli(['src/Wallet.sol', '--config', 'quiet-config.json', '--rules', 'tx-origin', '--fail-on', 'low'], root);
    assert.equal(run.status, 0, run.stdout);
  });

  it('exits 2 when no path can be read at all', () => {
    const run = runCli(['does-not-exist.sol'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /does-not-exist\.sol: cannot be read/);
  });

  it('skips files that are not .sol (a shell glob), and exits 2 when nothing else is left', () => {
    const mixed = runCli(['foundry.toml', 'src/Wallet.sol', '--rules', 'tx-origin', '--fail-on', 'medium'], root);
    assert.equal(mixed.status, 1, 'the .sol file is still scanned');
    assert.match(mixed.stderr, /foundry\.toml: skipped, not a \.sol file/);
    const only = runCli(['foundry.toml'], root);
    assert.equal(only.status, 2);
    assert.match(only.stderr, /no Solidity files or folders to scan/);
  });

  it('prints help and the version with exit 0', () => {
    const help = runCli(['--help'], root);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--fail-on <severity>/);
    assert.equal(runCli(['--version'], root).status, 0);
  });
});
