// The CLI's scan runner: worker threads give exactly the in-process findings, the content-hash cache answers
// unchanged files without parsing, an edited import invalidates its dependents, and broken entries or
// crashing workers never lose a file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as esbuild from 'esbuild';
import { collectSolidityFiles, DEFAULT_CONFIG, defaultRegistry, NodeFileHost, scanFiles, selectRules } from 'sol-audit-rules';
import { runScan, type ScanRunRequest } from '../src/scanRunner';
import { FIXTURES_ROOT, REPO_ROOT } from './cliHarness';

const host = new NodeFileHost();
const selection = selectRules(defaultRegistry(), DEFAULT_CONFIG);

/** A small project: a base imported by a child, unrelated files, and one file that does not parse. */
const PROJECT: Record<string, string> = {
  'Base.sol': `pragma solidity 0.8.24;
contract Base {
    address owner;
    function onlyOwnerCheck() internal view { require(tx.origin == owner); }
}
`,
  'Child.sol': `pragma solidity 0.8.24;
import "./Base.sol";
contract Child is Base {
    function run() external { onlyOwnerCheck(); require(tx.origin == owner); }
}
`,
  // Config's fee is written only in the contract deriving from it, so Config's findings depend on Tuner.sol.
  'Config.sol': 'pragma solidity 0.8.24;\ncontract Config {\n    uint256 public fee = 5;\n}\n',
  'Tuner.sol': 'pragma solidity 0.8.24;\nimport "./Config.sol";\ncontract Tuner is Config {\n    function setFee(uint256 f) external { fee = f; }\n}\n',
  'Broken.sol': 'pragma solidity 0.8.24;\ncontract Broken { function f( }\n',
  ...Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [`Other${i}.sol`, `pragma solidity 0.8.24;\ncontract Other${i} { function f() external view returns (bool) { return tx.origin == address(${i}); } }\n`]),
  ),
};

function writeProject(parent: string): string {
  const root = fs.mkdtempSync(path.join(parent, 'project-'));
  for (const [name, text] of Object.entries(PROJECT)) fs.writeFileSync(path.join(root, name), text);
  return root;
}

function request(root: string, overrides: Partial<ScanRunRequest> = {}): ScanRunRequest {
  return { files: collectSolidityFiles(root, host), root, selection, host, cacheDir: false, jobs: 1, ...overrides };
}

describe('scan runner', function () {
  this.timeout(120_000);
  let workerScript: string;
  let scratch: string;

  before(async () => {
    // Build the worker from the current sources, so the test never runs a stale cli/dist bundle.
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-runner-'));
    workerScript = path.join(scratch, 'scanWorker.js');
    await esbuild.build({
      entryPoints: [path.join(REPO_ROOT, 'cli/src/scanWorker.ts')],
      outfile: workerScript,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      // As scripts/build.mjs does: web-tree-sitter's ES module build finds itself through import.meta.url, which a
      // CommonJS bundle leaves empty; without this the worker never starts and every file is scanned in-process.
      plugins: [{ name: 'web-tree-sitter-cjs', setup: (b) => b.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') })) }],
    });
    // The grammar lies beside the bundle, as in cli/dist: from the temp folder the npm packages do not resolve.
    for (const wasm of ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-solidity/tree-sitter-solidity.wasm']) fs.copyFileSync(require.resolve(wasm), path.join(scratch, path.basename(wasm)));
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** A copy of a folder, so that two scans see the same files even while someone edits the original. */
  function snapshot(source: string): string {
    const copy = fs.mkdtempSync(path.join(scratch, 'snapshot-'));
    fs.cpSync(source, copy, { recursive: true });
    // Outside the repository node_modules is not found by walking up: map the packages the fixtures import.
    fs.writeFileSync(path.join(copy, 'remappings.txt'), `@openzeppelin/=${path.join(REPO_ROOT, 'node_modules/@openzeppelin')}/\n`);
    return copy;
  }

  describe('worker threads', () => {
    for (const [name, source] of [
      ['a project with imports and a syntax error', undefined],
      ['every rule fixture', path.join(FIXTURES_ROOT, 'rules')],
    ] as const) {
      it(`give the in-process findings, in the same order, on ${name}`, async () => {
        const dir = source ? snapshot(source) : writeProject(scratch);
        const serial = scanFiles(collectSolidityFiles(dir, host), dir, selection, host);
        const parallel = await runScan(request(dir, { jobs: 2, workerScript }));
        assert.equal(parallel.stats.workers, 2, 'the scan did not use worker threads');
        assert.ok(serial.findings.length > 0, 'the corpus has no findings to compare');
        // The first differing finding alone, so a failure names it instead of printing hundreds.
        const firstDifference = parallel.findings.findIndex((f, i) => !isDeepStrictEqual(f, serial.findings[i]));
        if (firstDifference >= 0) assert.deepEqual(parallel.findings[firstDifference], serial.findings[firstDifference], `finding ${firstDifference} differs`);
        assert.deepEqual(parallel.findings, serial.findings);
        assert.deepEqual(parallel.files, serial.files);
        assert.deepEqual(parallel.errors, serial.errors);
        assert.equal(parallel.lineCount, serial.lineCount);
      });
    }

    it('give the in-process findings when an import is missing and bases are matched by name', async () => {
      const root = writeProject(scratch);
      // Settings' limit is written by Orphan, which reaches Settings only through the by-name fallback.
      fs.writeFileSync(path.join(root, 'Settings.sol'), 'pragma solidity 0.8.24;\ncontract Settings {\n    uint256 public limit = 7;\n}\n');
      fs.writeFileSync(
        path.join(root, 'Orphan.sol'),
        'pragma solidity 0.8.24;\nimport "./Missing.sol";\ncontract Orphan is Settings {\n    function setLimit(uint256 l) external { limit = l; }\n}\n',
      );
      const serial = scanFiles(collectSolidityFiles(root, host), root, selection, host);
      const settings = path.join(root, 'Settings.sol');
      const alone = scanFiles([settings], root, selection, host);
      assert.notDeepEqual(alone.findings, serial.findings.filter((f) => f.file === settings), 'Orphan.sol should change the findings of Settings.sol');
      const parallel = await runScan(request(root, { jobs: 2, workerScript }));
      assert.deepEqual(parallel.findings, serial.findings);
    });

    it('report a file whose worker crashes as an error and still scan the others', async () => {
      const root = writeProject(scratch);
      fs.writeFileSync(path.join(root, 'Crash.sol'), 'pragma solidity 0.8.24;\ncontract Crash {}\n');
      // Kills its thread on any chunk holding Crash.sol, as an out-of-memory abort would.
      const crashing = path.join(scratch, 'crashingWorker.js');
      fs.writeFileSync(
        crashing,
        `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => { if ((m.files ?? m.entries).some((f) => f.endsWith('Crash.sol'))) process.exit(7); });
require(${JSON.stringify(workerScript)});\n`,
      );
      const result = await runScan(request(root, { jobs: 2, workerScript: crashing }));
      const crashFile = path.join(root, 'Crash.sol');
      assert.deepEqual(result.errors, [{ file: crashFile, message: 'analysis failed: worker stopped (exit code 7)' }]);
      const others = collectSolidityFiles(root, host).filter((f) => f !== crashFile);
      assert.deepEqual(result.files, others);
      assert.deepEqual(result.findings, scanFiles(others, root, selection, host).findings);
    });

    it('fall back to in-process analysis when no worker can start', async () => {
      const root = writeProject(scratch);
      const broken = path.join(scratch, 'brokenWorker.js');
      fs.writeFileSync(broken, "throw new Error('cannot start');\n");
      const result = await runScan(request(root, { jobs: 2, workerScript: broken }));
      assert.deepEqual(result.findings, scanFiles(collectSolidityFiles(root, host), root, selection, host).findings);
      assert.deepEqual(result.errors, []);
    });

    it('report progress up to the total', async () => {
      const root = writeProject(scratch);
      const calls: [number, number][] = [];
      await runScan(request(root, { jobs: 2, workerScript, onProgress: (done, total) => calls.push([done, total]) }));
      const total = Object.keys(PROJECT).length;
      assert.deepEqual(calls.at(-1), [total, total]);
      assert.ok(calls.every(([done], i) => i === 0 || done > calls[i - 1][0]), 'progress went backwards');
    });
  });

  describe('content-hash cache', () => {
    let root: string;
    let cacheDir: string;
    const fileCount = Object.keys(PROJECT).length;

    beforeEach(() => {
      root = writeProject(scratch);
      cacheDir = path.join(root, '.sol-audit-cache');
    });

    it('ignores itself in git, so a scan never dirties git status', async () => {
      await runScan(request(root, { cacheDir }));
      const ignore = fs.readFileSync(path.join(cacheDir, '.gitignore'), 'utf8');
      assert.ok(ignore.split('\n').includes('*'), ignore);
    });

    it('answers a warm scan from the cache, identically and without parsing', async () => {
      const cold = await runScan(request(root, { cacheDir }));
      assert.equal(cold.stats.cacheHits, 0);
      assert.ok(cold.stats.parsedFiles >= fileCount);
      const warm = await runScan(request(root, { cacheDir }));
      assert.deepEqual(warm.stats, { cacheHits: fileCount, analysedFiles: 0, parsedFiles: 0, workers: 0 });
      assert.deepEqual(warm.findings, cold.findings);
      assert.deepEqual(warm.files, cold.files);
      assert.equal(warm.lineCount, cold.lineCount);
    });

    it('re-analyses a file when a file it imports changes, and only the files that depend on it', async () => {
      await runScan(request(root, { cacheDir }));
      fs.appendFileSync(path.join(root, 'Base.sol'), 'contract Extra { function g() external view returns (address) { return tx.origin; } }\n');
      const result = await runScan(request(root, { cacheDir }));
      assert.equal(result.stats.analysedFiles, 2, 'Base.sol and Child.sol should be re-analysed');
      assert.equal(result.stats.parsedFiles, 1, 'only the edited file should be parsed; the others come from the tree cache');
      assert.equal(result.stats.cacheHits, fileCount - 2);
      assert.deepEqual(result.findings, scanFiles(collectSolidityFiles(root, host), root, selection, host).findings);
    });

    it('re-analyses a base when a file deriving from it changes', async () => {
      const config = path.join(root, 'Config.sol');
      const onConfig = (findings: { file: string }[]): number => findings.filter((f) => f.file === config).length;
      const before = await runScan(request(root, { cacheDir }));
      fs.writeFileSync(path.join(root, 'Tuner.sol'), PROJECT['Tuner.sol'].replace('fee = f;', 'f;'));
      const expected = scanFiles(collectSolidityFiles(root, host), root, selection, host).findings;
      assert.ok(onConfig(expected) > onConfig(before.findings), 'the edit should change the findings of Config.sol');
      const after = await runScan(request(root, { cacheDir }));
      assert.equal(after.stats.analysedFiles, 2, 'Config.sol and Tuner.sol should be re-analysed');
      assert.deepEqual(after.findings, expected);
    });

    it('re-analyses a file whose missing import has appeared', async () => {
      fs.writeFileSync(path.join(root, 'Late.sol'), 'pragma solidity 0.8.24;\nimport "./Missing.sol";\ncontract Late is Missing {}\n');
      await runScan(request(root, { cacheDir }));
      assert.equal((await runScan(request(root, { cacheDir }))).stats.analysedFiles, 0);
      // Not among the scanned files, as a newly installed dependency would be.
      fs.writeFileSync(path.join(root, 'Missing.sol'), 'pragma solidity 0.8.24;\ncontract Missing {}\n');
      const files = collectSolidityFiles(root, host).filter((f) => !f.endsWith('Missing.sol'));
      const result = await runScan(request(root, { cacheDir, files }));
      // While an import was missing every file depended on the whole project (bases matched by name): all are redone.
      assert.equal(result.stats.analysedFiles, files.length);
      assert.deepEqual(result.findings, scanFiles(files, root, selection, host).findings);
    });

    it('does not reuse entries made with another rule selection', async () => {
      await runScan(request(root, { cacheDir }));
      const quieter = selectRules(defaultRegistry(), { ...DEFAULT_CONFIG, rules: { 'tx-origin': 'off' } });
      const result = await runScan(request(root, { cacheDir, selection: quieter }));
      assert.equal(result.stats.cacheHits, 0);
      assert.ok(!result.findings.some((f) => f.ruleId === 'tx-origin'));
    });

    it('evicts the least recently used entries beyond its limit, and keeps those of the last scan', async () => {
      await runScan(request(root, { cacheDir }));
      const findingsDir = path.join(cacheDir, 'v1', 'findings');
      // The real entries were written two months ago, the stale ones (earlier versions of files) used a month ago:
      // only reading them in the next scan can save the real ones.
      const twoMonthsAgo = new Date(Date.now() - 60 * 24 * 3600 * 1000);
      for (const name of fs.readdirSync(findingsDir)) fs.utimesSync(path.join(findingsDir, name), twoMonthsAgo, twoMonthsAgo);
      const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
      for (let i = 0; i < 2100; i++) {
        const stale = path.join(findingsDir, `stale${i}.json`);
        fs.writeFileSync(stale, '{}');
        fs.utimesSync(stale, monthAgo, monthAgo);
      }
      // A warm scan uses (and so renews) every real entry; the least recently used beyond the limit go.
      const warm = await runScan(request(root, { cacheDir }));
      assert.equal(warm.stats.cacheHits, fileCount);
      const left = fs.readdirSync(findingsDir);
      assert.equal(left.length, 2000);
      assert.equal(left.filter((name) => !name.startsWith('stale')).length, fileCount);
      assert.equal((await runScan(request(root, { cacheDir }))).stats.cacheHits, fileCount);
    });

    it('ignores corrupted entries and rebuilds them', async () => {
      const cold = await runScan(request(root, { cacheDir }));
      const findingsDir = path.join(cacheDir, 'v1', 'findings');
      const entries = fs.readdirSync(findingsDir).map((name) => path.join(findingsDir, name));
      assert.equal(entries.length, fileCount);
      fs.writeFileSync(entries[0], '{"key": "truncat');
      fs.writeFileSync(entries[1], JSON.stringify({ key: 'another key', lineCount: 1, findings: [] }));
      const recovered = await runScan(request(root, { cacheDir }));
      assert.equal(recovered.stats.analysedFiles, 2);
      assert.deepEqual(recovered.findings, cold.findings);

      // Without the import index the graph is learnt again from the trees (one of them corrupted, so parsed again);
      // the findings entries themselves still hold.
      fs.writeFileSync(path.join(cacheDir, 'v1', 'imports.json'), 'not json');
      const treesDir = path.join(cacheDir, 'v1', 'trees');
      fs.writeFileSync(path.join(treesDir, fs.readdirSync(treesDir)[0]), '{"syntaxErrors": [], "ast": {"type": "Nonsense"}}');
      const withoutIndex = await runScan(request(root, { cacheDir }));
      assert.equal(withoutIndex.stats.parsedFiles, 1);
      assert.equal(withoutIndex.stats.analysedFiles, 0);
      assert.deepEqual(withoutIndex.findings, cold.findings);

      const warm = await runScan(request(root, { cacheDir }));
      assert.equal(warm.stats.cacheHits, fileCount);
      assert.deepEqual(warm.findings, cold.findings);
    });

    it('is not written when disabled', async () => {
      await runScan(request(root, { cacheDir: false }));
      assert.equal(fs.existsSync(cacheDir), false);
    });
  });
});
