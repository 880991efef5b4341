// --rules, --exclude-rules and --list-rules of the built CLI, checked against the registry itself.

import * as assert from 'node:assert/strict';
import { defaultRegistry, ENGINE_RULES } from 'sol-audit-rules';
import { ensureCliBuilt, makeProject, removeProject, runCli, WALLET_SOL } from './cliHarness';

/** A syntax error: an engine finding that shows whatever rules are selected. */
const BROKEN_SOL = 'pragma solidity 0.8.24;\ncontract Broken {\n    function f() external {\n        uint x = ;\n    }\n}\n';

interface JsonFinding {
  ruleId: string;
}

describe('sol-audit rule flags', () => {
  let root: string;

  before(() => {
    ensureCliBuilt();
    root = makeProject({ 'src/Wallet.sol': WALLET_SOL, 'src/Broken.sol': BROKEN_SOL });
  });
  after(() => removeProject(root));

  const ruleIdsOf = (extra: string[]): string[] => {
    const run = runCli(['src', '--format', 'json', '--fail-on', 'never', ...extra], root);
    assert.equal(run.status, 0, run.stderr);
    return [...new Set<string>(JSON.parse(run.stdout).findings.map((f: JsonFinding) => f.ruleId))].sort();
  };

  it('--rules runs only the named rules (syntax errors still show)', () => {
    assert.deepEqual(ruleIdsOf(['--rules', 'tx-origin']), ['syntax-error', 'tx-origin']);
  });

  it('--exclude-rules drops the named rules', () => {
    const ids = ruleIdsOf(['--exclude-rules', 'tx-origin']);
    assert.ok(!ids.includes('tx-origin'), ids.join(', '));
    assert.ok(ids.includes('syntax-error'));
  });

  it('accepts repeated and spaced lists', () => {
    assert.deepEqual(ruleIdsOf(['--rules', 'tx-origin', '--exclude-rules', ' tx-origin , ']), ['syntax-error']);
  });

  it('--list-rules prints one row per rule with id, severity, confidence, category and title', () => {
    const run = runCli(['--list-rules'], root);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^ID\s+SEVERITY\s+CONFIDENCE\s+CATEGORY\s+TITLE$/);
    const registry = defaultRegistry();
    assert.equal(lines.length - 1, registry.all().length + ENGINE_RULES.length);
    assert.match(run.stdout, /^tx-origin\s+high\s+high\s+access-control\s+tx\.origin used for authorisation$/m);
  });

  it('--list-rules --format json gives the metadata of every rule', () => {
    const run = runCli(['--list-rules', '--format', 'json'], root);
    const listed = JSON.parse(run.stdout) as { id: string; exploitScenario: string; docsUrl: string; engine: boolean }[];
    const expected = [...defaultRegistry().all().map((r) => r.meta.id), ...ENGINE_RULES.map((m) => m.id)];
    assert.deepEqual(listed.map((r) => r.id), expected);
    const txOrigin = listed.find((r) => r.id === 'tx-origin');
    assert.equal(txOrigin?.exploitScenario, defaultRegistry().get('tx-origin')?.meta.exploitScenario);
    assert.match(txOrigin?.docsUrl ?? '', /#tx-origin$/);
    assert.equal(listed.find((r) => r.id === 'syntax-error')?.engine, true);
  });
});
