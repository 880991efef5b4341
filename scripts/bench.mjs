// Benchmarks the built sol-audit CLI against Solhint ("solhint:all") on every .sol file of
// @openzeppelin/contracts: median wall time and peak RSS over several runs, cold vs warm cache, one job vs several.
// Usage: npm run bench [-- --runs N] [--cli DIR]   (`npm run bench` builds first; this script only measures).
//   --cli  the folder of the CLI's bundles to measure (default cli/dist), e.g. a build of another commit

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliFlag = process.argv.indexOf('--cli');
const BUILT = cliFlag >= 0 ? path.resolve(process.argv[cliFlag + 1]) : path.join(REPO, 'cli/dist');
const BUILT_CLI = path.join(BUILT, 'cli.js');
const SOLHINT = fs.realpathSync(path.join(REPO, 'node_modules/.bin/solhint'));
const OPENZEPPELIN = path.join(REPO, 'node_modules/@openzeppelin/contracts');
const TIME = '/usr/bin/time';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a positive integer');
if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build (npm run bench does)`);

// Both tools scan a private copy, so sol-audit's cache folder and Solhint's config stay out of node_modules.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-bench-'));
// The CLI runs from a copy of its bundles too: a rebuild during the benchmark would change the code, and with it
// every cache key, in the middle of the warm runs. The bundles, with the grammar's .wasm files beside them, need
// nothing from node_modules at run time.
const bundles = path.join(work, 'dist');
fs.mkdirSync(bundles);
for (const name of fs.readdirSync(BUILT).filter((file) => /\.(js|wasm)$/.test(file))) fs.copyFileSync(path.join(BUILT, name), path.join(bundles, name));
const CLI = path.join(bundles, 'cli.js');
const corpus = path.join(work, 'contracts');
fs.cpSync(OPENZEPPELIN, corpus, { recursive: true, filter: (src) => fs.statSync(src).isDirectory() || src.endsWith('.sol') });
const cacheDir = path.join(corpus, '.sol-audit-cache');
const solhintConfig = path.join(work, '.solhint.json');
fs.writeFileSync(solhintConfig, JSON.stringify({ extends: 'solhint:all' }));

function solidityFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return solidityFiles(full);
    return entry.name.endsWith('.sol') ? [full] : [];
  });
}

const files = solidityFiles(corpus);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const corpusStats = {
  files: files.length,
  lines: texts.reduce((sum, t) => sum + t.split('\n').length, 0),
  bytes: texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
};

/**
 * Wall time, CPU time (user + system, worker threads included) and peak RSS of one run of a node script: from
 * GNU time when installed, else from the script's own process.resourceUsage(). CPU time is the steadier
 * figure on a shared machine, where wall time depends on the other load.
 */
function runOnce(script, args, okCodes) {
  const report = path.join(work, 'rss.txt');
  fs.rmSync(report, { force: true });
  const command = fs.existsSync(TIME)
    ? [TIME, ['-v', '-o', report, process.execPath, script, ...args]]
    : [process.execPath, ['-e', RSS_WRAPPER, report, script, ...args]];
  const start = process.hrtime.bigint();
  const child = spawnSync(command[0], command[1], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okCodes.includes(child.status)) {
    throw new Error(`${path.basename(script)} ${args.join(' ')} exited with ${child.status}:\n${child.stderr.toString().slice(0, 2000)}`);
  }
  const text = fs.readFileSync(report, 'utf8');
  if (text.startsWith('{')) return { ms, ...JSON.parse(text), stdout: child.stdout.toString() };
  const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1]);
  const cpuMs = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000;
  return { ms, cpuMs, rssKiB: field('Maximum resident set size \\(kbytes\\)'), stdout: child.stdout.toString() };
}

// Runs the script as this process's main module and writes its usage (worker threads included) when it exits.
const RSS_WRAPPER = `
const [report, script, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeFileSync(report, JSON.stringify({ rssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
require('node:module').runMain();
`;

function measure(label, script, args, okCodes, beforeEach = () => {}) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    beforeEach();
    samples.push(runOnce(script, args, okCodes));
    process.stderr.write(`  ${label}: run ${i + 1}/${RUNS} ${samples.at(-1).ms.toFixed(0)} ms\n`);
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const times = samples.map((s) => s.ms);
  return {
    label,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    cpu: median(samples.map((s) => s.cpuMs)),
    rssKiB: Math.max(...samples.map((s) => s.rssKiB)),
  };
}

const clearCache = () => fs.rmSync(cacheDir, { recursive: true, force: true });
const solAudit = (jobs) => [corpus, '--format', 'json', '--fail-on', 'never', '--quiet', ...(jobs ? ['--jobs', String(jobs)] : [])];
const SOL_AUDIT_OK = [0];
const cores = os.availableParallelism();

process.stderr.write(`Benchmark on ${corpusStats.files} files of @openzeppelin/contracts, ${RUNS} runs each, ${cores} cores\n`);
const rows = [];
rows.push(measure('sol-audit cold, --jobs 1', CLI, solAudit(1), SOL_AUDIT_OK, clearCache));
rows.push(measure(`sol-audit cold, --jobs ${cores}`, CLI, solAudit(cores), SOL_AUDIT_OK, clearCache));
clearCache();
const primed = JSON.parse(runOnce(CLI, solAudit(), SOL_AUDIT_OK).stdout);
rows.push(measure('sol-audit warm (cache hit)', CLI, solAudit(), SOL_AUDIT_OK));
// The worst single edit: a base nearly every contract derives from. Only it is parsed again (the other trees
// come from the cache), but every file whose findings it can change is analysed again.
const hub = path.join(corpus, 'utils/Context.sol');
let edits = 0;
const editHub = () => fs.appendFileSync(hub, `// edit ${++edits}\n`);
rows.push(measure('sol-audit warm, utils/Context.sol edited', CLI, solAudit(), SOL_AUDIT_OK, editHub));
// Solhint exits with 1 when it reports problems, which solhint:all always does on real code.
rows.push(measure('solhint (solhint:all)', SOLHINT, ['-c', solhintConfig, '--disc', '--noPoster', '-f', 'json', 'contracts/**/*.sol'], [0, 1]));

const solhint = rows.at(-1);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const table = [
  ['', 'wall median', 'min', 'max', 'vs solhint', 'CPU median', 'vs solhint', 'peak RSS'],
  ...rows.map((r) => [
    r.label,
    seconds(r.median),
    seconds(r.min),
    seconds(r.max),
    `${(r.median / solhint.median).toFixed(2)}x`,
    seconds(r.cpu),
    `${(r.cpu / solhint.cpu).toFixed(2)}x`,
    `${(r.rssKiB / 1024).toFixed(0)} MiB`,
  ]),
];
const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
const line = (row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');

const findingCount = Array.isArray(primed.findings) ? primed.findings.length : 'unknown';
console.log(`\n@openzeppelin/contracts: ${corpusStats.files} files, ${corpusStats.lines} lines, ${(corpusStats.bytes / 1024).toFixed(0)} KiB; sol-audit findings: ${findingCount}`);
console.log(`${RUNS} runs each, ${cores} cores (load average ${os.loadavg()[0].toFixed(2)} at the end)\n`);
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(line(row));

fs.rmSync(work, { recursive: true, force: true });
