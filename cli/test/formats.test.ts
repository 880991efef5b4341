// The four output formats of the built CLI over the same project: text, the JSON shape, SARIF validated
// against the SARIF 2.1.0 schema, the Markdown report's sections, and --output.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { CLEAN_SOL, compileSarifSchema, ensureCliBuilt, makeProject, removeProject, runCli, WALLET_SOL } from './cliHarness';

describe('sol-audit output formats', () => {
  let root: string;
  const args = ['src', '--rules', 'tx-origin', '--fail-on', 'never'];

  before(() => {
    ensureCliBuilt();
    root = makeProject({ 'src/Counter.sol': CLEAN_SOL, 'src/Wallet.sol': WALLET_SOL });
  });
  after(() => removeProject(root));

  describe('text', () => {
    it('groups findings by file, one line each, then the summary', () => {
      const run = runCli(args, root);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines[0], 'src/Wallet.sol');
      assert.match(lines[1], /^\s+medium\s+tx-origin\s+8:17\s+`tx\.origin` is compared for authorisation.*\(confidence: high\)$/);
      assert.equal(lines.at(-1), '1 finding (0 high, 1 medium, 0 low, 0 informational) in 2 files');
      assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colours when stdout is not a terminal');
    });

    it('prints paths relative to the working directory', () => {
      const run = runCli([path.join(root, 'src'), '--rules', 'tx-origin', '--fail-on', 'never'], path.join(root, 'src'));
      assert.equal(run.stdout.split('\n')[0], 'Wallet.sol');
    });

    it('colours with FORCE_COLOR unless --no-color', () => {
      assert.match(runCli(args, root, { FORCE_COLOR: '1' }).stdout, /\x1b\[/);
      assert.doesNotMatch(runCli([...args, '--no-color'], root, { FORCE_COLOR: '1' }).stdout, /\x1b\[/);
    });

    it('leaves out the summary with --quiet', () => {
      const run = runCli([...args, '--quiet'], root);
      assert.match(run.stdout, /tx-origin/);
      assert.doesNotMatch(run.stdout, /findings? \(/);
    });
  });

  describe('json', () => {
    it('has the versioned shape with root-relative paths and fingerprints', () => {
      const run = runCli([...args, '--format', 'json'], root);
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(Object.keys(report), ['version', 'tool', 'root', 'files', 'leftOut', 'summary', 'findings', 'errors']);
      assert.deepEqual(report.leftOut, []);
      assert.equal(report.version, 1);
      assert.equal(report.tool.name, 'sol-audit');
      assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
      assert.equal(report.root, root);
      assert.deepEqual(report.files, ['src/Counter.sol', 'src/Wallet.sol']);
      assert.equal(report.summary.findings, 1);
      assert.equal(report.summary.bySeverity.medium, 1);
      assert.deepEqual(report.errors, []);
      const [finding] = report.findings;
      assert.deepEqual(
        Object.keys(finding).sort(),
        ['category', 'confidence', 'file', 'fingerprint', 'fix', 'message', 'range', 'related', 'ruleId', 'severity', 'title'],
      );
      assert.equal(finding.ruleId, 'tx-origin');
      assert.equal(finding.file, 'src/Wallet.sol');
      assert.equal(finding.range.startLine, 8);
      assert.equal(finding.range.startColumn, 17);
      assert.match(finding.fingerprint, /^[0-9a-f]{32}$/);
      assert.equal(finding.fix.edits[0].text, 'msg.sender');
    });

    it('lists unreadable paths under errors and still scans the rest', () => {
      const run = runCli(['src', 'missing/Gone.sol', '--rules', 'tx-origin', '--format', 'json', '--fail-on', 'never'], root);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /missing\/Gone\.sol: cannot be read/);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(report.errors.map((e: { file: string }) => e.file), ['missing/Gone.sol']);
      assert.equal(report.findings.length, 1);
    });
  });

  describe('sarif', () => {
    let log: Sarif.Log;

    before(() => {
      const run = runCli([...args, '--format', 'sarif'], root);
      assert.equal(run.status, 0, run.stderr);
      log = JSON.parse(run.stdout);
    });

    it('validates against the SARIF 2.1.0 schema, with and without scan errors', () => {
      const validate = compileSarifSchema();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const withErrors = JSON.parse(runCli([...args, 'missing/Gone.sol', '--format', 'sarif'], root).stdout);
      assert.equal(withErrors.runs[0].invocations[0].toolExecutionNotifications.length, 1);
      assert.ok(validate(withErrors), JSON.stringify(validate.errors, null, 2));
      // The validator is not vacuous: a level outside the enumeration is rejected.
      const broken = structuredClone(log);
      (broken.runs[0].results as { level: string }[])[0].level = 'fatal';
      assert.equal(validate(broken), false);
    });

    it('describes every rule with help, docs link and GitHub security metadata', () => {
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'sol-audit');
      const rule = driver.rules?.find((r) => r.id === 'tx-origin');
      assert.ok(rule, 'tx-origin is in driver.rules');
      assert.equal(rule.shortDescription?.text, 'tx.origin used for authorisation');
      assert.match(rule.help?.markdown ?? '', /\*\*Exploit scenario\.\*\*/);
      assert.match(rule.help?.text ?? '', /Recommendation: /);
      assert.match(rule.helpUri ?? '', /docs\/rules\.md#tx-origin$/);
      assert.equal(rule.defaultConfiguration?.level, 'error');
      assert.deepEqual(rule.properties?.tags, ['security', 'access-control', 'SWC-115']);
      assert.equal(rule.properties?.precision, 'high');
      assert.match(String(rule.properties?.['security-severity']), /^\d+\.\d$/);
    });

    it('locates results relative to %SRCROOT% with fingerprints and fixes', () => {
      const run = log.runs[0];
      assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri, `file://${root}/`);
      const [result] = run.results ?? [];
      assert.equal(result.ruleId, 'tx-origin');
      assert.equal(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, 'tx-origin');
      assert.equal(result.level, 'warning');
      const location = result.locations?.[0].physicalLocation;
      assert.deepEqual(location?.artifactLocation, { uri: 'src/Wallet.sol', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(location?.region, { startLine: 8, startColumn: 17, endLine: 8, endColumn: 26 });
      assert.match(Object.values(result.partialFingerprints ?? {})[0], /^[0-9a-f]{32}$/);
      assert.equal(result.fixes?.[0].artifactChanges[0].replacements[0].insertedContent?.text, 'msg.sender');
    });
  });

  describe('sarif in a repository whose project is a subfolder', () => {
    it('makes paths relative to the repository root, as GitHub resolves them', () => {
      const repo = makeProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'contracts/foundry.toml': '', 'contracts/src/Wallet.sol': WALLET_SOL });
      try {
        const run = runCli(['contracts/src', '--rules', 'tx-origin', '--format', 'sarif', '--fail-on', 'never'], repo);
        const sarif = JSON.parse(run.stdout) as Sarif.Log;
        assert.equal(sarif.runs[0].originalUriBaseIds?.['%SRCROOT%'].uri, `file://${repo}/`);
        assert.equal(sarif.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, 'contracts/src/Wallet.sol');
        const json = JSON.parse(runCli(['contracts/src', '--rules', 'tx-origin', '--format', 'json', '--fail-on', 'never'], repo).stdout);
        assert.equal(json.findings[0].file, 'src/Wallet.sol', 'JSON stays relative to the project root');
      } finally {
        removeProject(repo);
      }
    });
  });

  describe('markdown', () => {
    it('is an audit report with scope, summary and each finding with code and guidance', () => {
      const run = runCli([...args, '--format', 'markdown'], root);
      assert.equal(run.status, 0, run.stderr);
      const md = run.stdout;
      for (const section of ['# sol-audit security report', '## Scope', '## Summary', '| Medium | 1 |', '## Findings', '### Medium']) {
        assert.ok(md.includes(section), `missing "${section}"`);
      }
      assert.match(md, /#### M-1: tx\.origin used for authorisation \(`tx-origin`\)/);
      assert.match(md, /2 files analysed, 2\d lines/);
      assert.match(md, /`src\/Wallet\.sol:8:17`/);
      assert.match(md, /```solidity\n[^`]*require\(tx\.origin == owner, "not owner"\);[^`]*```/);
      assert.match(md, /\*\*Exploit scenario\.\*\*/);
      assert.match(md, /\*\*Recommendation\.\*\*/);
      assert.match(md, /\(https:\/\/[^)]*docs\/rules\.md#tx-origin\)/);
    });
  });

  describe('--output', () => {
    it('writes the report to the file and nothing to stdout', () => {
      const target = path.join(root, 'reports/result.json');
      const run = runCli([...args, '--format', 'json', '--output', 'reports/result.json'], root);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(JSON.parse(fs.readFileSync(target, 'utf8')).findings[0].ruleId, 'tx-origin');
    });

    it('keeps the exit code of the findings when writing a file', () => {
      const run = runCli(['src', '--rules', 'tx-origin', '--fail-on', 'medium', '--output', 'out.txt'], root);
      assert.equal(run.status, 1);
      assert.doesNotMatch(fs.readFileSync(path.join(root, 'out.txt'), 'utf8'), /\x1b\[/);
    });
  });
});
