// --baseline: findings already in a previous JSON or SARIF result are hidden even when lines move; new ones show.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCliBuilt, makeProject, removeProject, runCli, WALLET_SOL, writeFiles } from './cliHarness';

const args = ['src', '--rules', 'tx-origin', '--fail-on', 'medium'];

/** WALLET_SOL with lines added above the bug (so every line shifts) and an unrelated function. */
const SHIFTED = WALLET_SOL.replace('contract Wallet {', '// Audit notes.\n// More notes.\n\ncontract Wallet {\n    uint256 public deposits;\n').replace(
  '\n}\n',
  '\n\n    function deposit() external payable {\n        deposits += msg.value;\n    }\n}\n',
);

const WITH_NEW_BUG = SHIFTED.replace(
  '\n}\n',
  '\n\n    function drain(address payable to) external {\n        if (tx.origin != owner) revert();\n        to.transfer(address(this).balance);\n    }\n}\n',
);

describe('sol-audit --baseline', () => {
  for (const format of ['json', 'sarif'] as const) {
    describe(`from a ${format} result`, () => {
      let root: string;

      before(() => {
        ensureCliBuilt();
        root = makeProject({ 'src/Wallet.sol': WALLET_SOL });
        const saved = runCli([...args, '--format', format, '--output', `baseline.${format}`], root);
        assert.equal(saved.status, 1, 'the baseline run itself reports the finding');
      });
      after(() => removeProject(root));

      it('hides known findings after the lines shift', () => {
        writeFiles(root, { 'src/Wallet.sol': SHIFTED });
        const run = runCli([...args, '--format', 'json', '--baseline', `baseline.${format}`], root);
        assert.equal(run.status, 0, run.stdout);
        const report = JSON.parse(run.stdout);
        assert.deepEqual(report.findings, []);
        assert.equal(report.summary.baselineMatched, 1);
      });

      it('reports only the new bug', () => {
        writeFiles(root, { 'src/Wallet.sol': WITH_NEW_BUG });
        const run = runCli([...args, '--format', 'json', '--baseline', `baseline.${format}`], root);
        assert.equal(run.status, 1);
        const findings = JSON.parse(run.stdout).findings;
        const newLine = WITH_NEW_BUG.split('\n').findIndex((l) => l.includes('tx.origin != owner')) + 1;
        assert.deepEqual(
          findings.map((f: { ruleId: string; range: { startLine: number } }) => [f.ruleId, f.range.startLine]),
          [['tx-origin', newLine]],
        );
      });

      it('says in the text summary how many were hidden', () => {
        const run = runCli([...args, '--baseline', `baseline.${format}`], root);
        assert.match(run.stdout, /1 finding \(0 high, 1 medium, 0 low, 0 informational\) in 1 file; 1 baseline finding hidden/);
      });
    });
  }

  it('exits 2 on a baseline that is not a sol-audit result', () => {
    const root = makeProject({ 'src/Wallet.sol': WALLET_SOL, 'notes.json': '{"hello": "world"}' });
    try {
      const unrelated = runCli([...args, '--baseline', 'notes.json'], root);
      assert.equal(unrelated.status, 2);
      assert.match(unrelated.stderr, /neither a sol-audit JSON result nor a SARIF log/);
      const missing = runCli([...args, '--baseline', 'nope.json'], root);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /cannot read baseline .*nope\.json/);
      assert.ok(!fs.existsSync(path.join(root, 'nope.json')));
    } finally {
      removeProject(root);
    }
  });
});
