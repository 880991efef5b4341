// LSP latency benchmark: a protocol client drives the built language server (server/dist/server.js).
// 1. Opens a generated 3,000-line contract and times 50 single-character edits inside a function body,
//    each from didChange to the publishDiagnostics of that version (p50/p95/max).
//    With --realistic, also 50 edits inside a function of the file's largest contract (OpenZeppelin's Governor).
//    The engine re-parses incrementally (tree.edit + tree-sitter re-parse), converts only the edited function
//    again, and re-runs scoped rules over it alone (finding reuse).
//    Then a statement typed there key by key (a syntax error until its `;`: the line being typed is skipped, the
//    rest of the function reads as before, and the edit is re-analysed like any body edit).
// 2. The same for edits of a state variable: that declaration alone is converted again; scoped rules re-run over
//    the contracts that can see it.
// 3. The same for blanks typed in a contract header (Governor's with --realistic): treated like a comment edit.
//    Then its base list changed (a base added, then removed): scoped rules re-run over the contract's family (the
//    contracts connected to it by inheritance; Governor's bases are imports the file leaves out, so Governor alone).
// 4. The same for edits of a comment (the license line): nothing is converted, the tree moves; only the rules that
//    read comments re-run.
// 5. The same for edits of the pragma: the pragma alone is converted; only the rules that read the compiler
//    version re-run.
// 6. Time and peak RSS of the server process indexing @openzeppelin/contracts as a workspace.
// Usage: npm run build && node scripts/benchLsp.mjs [--debounce MS] [--realistic] [--timing] [--no-indexing]
//   --debounce MS  default 0: measures analysis, not the wait
//   --realistic    the 3,000 lines are OpenZeppelin contracts concatenated instead of one generated contract
//                  whose every function has findings (a stress case: about 1,200 findings)
//   --timing       the server prints its slowest rules per analysis to stderr (SOL_AUDIT_TIMING)

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(REPO, 'server/dist/server.js');
const OPENZEPPELIN = path.join(REPO, 'node_modules/@openzeppelin/contracts');
const debounceFlag = process.argv.indexOf('--debounce');
const DEBOUNCE_MS = debounceFlag >= 0 ? Number(process.argv[debounceFlag + 1]) : 0;
const REALISTIC = process.argv.includes('--realistic');
const TIMING = process.argv.includes('--timing');
const INDEXING = !process.argv.includes('--no-indexing');
const LINES = Number(process.env.BENCH_LINES ?? 3000);
const EDITS = 50;
const OUTSIDE_BODY_EDITS = Number(process.env.BENCH_OUTSIDE_BODY_EDITS ?? 10);
if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);

/** A contract of about `lines` lines: many small functions, some with findings, one state variable per block. */
function generateContract(lines) {
  const out = ['// SPDX-License-Identifier: MIT', 'pragma solidity ^0.8.20;', '', 'contract Large {', '    address public owner = msg.sender;', '    uint256 public counter = 1;', '    mapping(address => uint256) public balances;', ''];
  let i = 0;
  while (out.length < lines - 2) {
    out.push(
      `    function work${i}(uint256 amount, address to) external returns (uint256) {`,
      `        uint256 total = amount * ${i + 1};`,
      `        if (tx.origin == owner) {`,
      `            balances[to] += total;`,
      `        }`,
      `        (bool ok, ) = to.call{value: total}("");`,
      `        counter += block.timestamp % 7;`,
      `        return total + counter;`,
      `    }`,
      '',
    );
    i++;
  }
  out.push('}', '');
  return out.join('\n');
}

/** At least `lines` lines of whole OpenZeppelin contracts, imports dropped, plus a state variable and a function to edit. */
function realisticContract(lines) {
  const sources = ['token/ERC20/ERC20.sol', 'token/ERC721/ERC721.sol', 'access/AccessControl.sol', 'governance/Governor.sol', 'token/ERC1155/ERC1155.sol', 'finance/VestingWallet.sol', 'access/Ownable.sol'];
  const out = ['// SPDX-License-Identifier: MIT', 'pragma solidity ^0.8.20;', '', 'contract Large {', '    uint256 public counter = 1;', '    function work(uint256 amount) external pure returns (uint256) {', '        uint256 total = amount * 1;', '        return total;', '    }', '}', ''];
  for (let round = 0; out.length < lines; round++) {
    for (const source of sources) {
      const text = fs.readFileSync(path.join(OPENZEPPELIN, source), 'utf8');
      // Renamed per round so repeated contracts stay distinct declarations.
      const body = text.split('\n').filter((l) => !/^\s*(import|pragma|\/\/ SPDX)/.test(l)).map((l) => l.replace(/\b(contract|abstract contract) (\w+)/, `$1 $2_${round}`));
      // Whole files only: a contract cut in half would not parse, and no rule runs on a file that does not.
      out.push(...body);
      if (out.length >= lines) break;
    }
  }
  return out.join('\n');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (v) => `${v.toFixed(1)} ms`;
  return `p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, max ${f(sorted[sorted.length - 1])} (n=${sorted.length})`;
}

function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return (kb / 1024).toFixed(0);
}

class Client {
  constructor(folder, settings) {
    this.folder = folder;
    this.settings = settings;
    const env = TIMING ? { ...process.env, SOL_AUDIT_TIMING: '8' } : process.env;
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.waiters = [];
    this.indexed = new Promise((resolve) => (this.resolveIndexed = resolve));
    this.connection.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'solAudit' ? this.settings : {})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', (params) => console.error(`server: ${params.message}`));
    this.connection.onNotification('$/progress', (params) => params.value.kind === 'end' && this.resolveIndexed());
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      for (const w of [...this.waiters]) {
        if (w.uri === params.uri && w.version === params.version) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(params.diagnostics);
        }
      }
    });
    this.connection.listen();
  }

  async initialize() {
    const uri = pathToFileURL(this.folder).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(this.folder) }],
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  published(uri, version) {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async stop() {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    this.child.kill();
  }
}

async function latencyRun() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-lsp-bench-'));
  const text = REALISTIC ? realisticContract(LINES) : generateContract(LINES);
  const file = path.join(folder, 'Large.sol');
  fs.writeFileSync(file, text);
  const client = new Client(folder, { debounceMs: DEBOUNCE_MS });
  await client.initialize();
  await client.indexed;
  const uri = pathToFileURL(file).href;
  let version = 1;
  const opened = client.published(uri, 1);
  let started = performance.now();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'solidity', version, text } });
  const diagnostics = await opened;
  const openMs = performance.now() - started;

  const lines = text.split('\n');
  const timeEdit = async (line, character, newText, removed = 0) => {
    version++;
    const done = client.published(uri, version);
    started = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + removed } }, text: newText }],
    });
    await done;
    return performance.now() - started;
  };

  // Inside the body of a function in the middle of the file: append digits to `amount * N`.
  const bodyLine = REALISTIC ? lines.findIndex((l) => l.includes('uint256 total = amount *')) : lines.findIndex((l, i) => i > lines.length / 2 && l.includes('uint256 total = amount *'));
  const bodyColumn = lines[bodyLine].indexOf(';');
  const inFunction = [];
  for (let i = 0; i < EDITS; i++) inFunction.push(await timeEdit(bodyLine, bodyColumn + i, '1'));

  // In the realistic file, also inside a function of its largest contract (Governor, about 800 lines and many
  // bases): rules scoped to a contract re-run over all of it.
  const bigLine = REALISTIC ? lines.findIndex((l) => l.includes('uint256 votesThreshold = proposalThreshold();')) : -1;
  const inBigContract = [];
  if (bigLine >= 0) for (let i = 0; i < EDITS; i++) inBigContract.push(await timeEdit(bigLine, lines[bigLine].indexOf(';'), ' '));

  // A statement typed there key by key on a new line above an `if`: every state before its `;` is a syntax error,
  // which tree-sitter reads on into the rest of the function; the engine skips the line being typed.
  const typing = [];
  if (bigLine >= 0) {
    const lineEnd = lines[bigLine].length + EDITS;
    await timeEdit(bigLine, lineEnd, '\n        ');
    const statement = 'uint256 q = votesThreshold + 1;';
    for (let i = 0; i < statement.length; i++) typing.push(await timeEdit(bigLine + 1, 8 + i, statement[i]));
  }

  // Outside any function: the state variable initialiser, so its contract is parsed again and no finding is reused.
  const stateLine = lines.findIndex((l) => l.includes('uint256 public counter = 1;'));
  const stateColumn = lines[stateLine].indexOf(';');
  const contractEdit = [];
  for (let i = 0; i < OUTSIDE_BODY_EDITS; i++) contractEdit.push(await timeEdit(stateLine, stateColumn + i, '1'));

  // A contract header: in the realistic file Governor's (about 800 lines and many bases), else the one contract's.
  const headerLine = REALISTIC ? lines.findIndex((l) => l.startsWith('abstract contract Governor_0 is ')) : lines.findIndex((l) => l.startsWith('contract Large'));
  const headerColumn = REALISTIC ? lines[headerLine].indexOf(' is ') + 3 : lines[headerLine].indexOf('{');
  const headerEdit = [];
  for (let i = 0; i < OUTSIDE_BODY_EDITS; i++) headerEdit.push(await timeEdit(headerLine, headerColumn, ' '));
  // The same header's base list: a base added, then removed again (the contract's family re-runs).
  // Typed after `is` (headerColumn is the space following it): `is IERC165, Context, ...`.
  const added = ' IERC165,';
  const baseListEdit = [];
  for (let i = 0; i < OUTSIDE_BODY_EDITS; i++) {
    baseListEdit.push(i % 2 === 0 ? await timeEdit(headerLine, headerColumn, added) : await timeEdit(headerLine, headerColumn, '', added.length));
  }

  // A comment: the license line. No node changes, so nothing is converted again; every rule runs.
  const commentEdit = [];
  for (let i = 0; i < OUTSIDE_BODY_EDITS; i++) commentEdit.push(await timeEdit(0, lines[0].length + i, '1'));

  // Outside every contract: the pragma (a space before its `;`); the pragma directive alone is converted again.
  const pragmaLine = lines.findIndex((l) => l.startsWith('pragma solidity'));
  const pragmaEdit = [];
  for (let i = 0; i < OUTSIDE_BODY_EDITS; i++) pragmaEdit.push(await timeEdit(pragmaLine, lines[pragmaLine].indexOf(';'), ' '));

  await client.stop();
  fs.rmSync(folder, { recursive: true, force: true });
  return { lines: lines.length, findings: diagnostics.length, openMs, inFunction, inBigContract, typing, contractEdit, headerEdit, baseListEdit, commentEdit, pragmaEdit };
}

async function indexingRun() {
  const client = new Client(OPENZEPPELIN, { debounceMs: DEBOUNCE_MS });
  const started = performance.now();
  await client.initialize();
  await client.indexed;
  const ms = performance.now() - started;
  const rss = peakRssMb(client.child.pid);
  await client.stop();
  return { ms, rss };
}

const latency = await latencyRun();
const kind = REALISTIC ? 'OpenZeppelin contracts concatenated' : 'generated contract';
console.log(`LSP latency, ${latency.lines}-line file (${kind}, ${latency.findings} findings), debounce ${DEBOUNCE_MS} ms, didChange → publishDiagnostics; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  didOpen (cold full parse)            ${latency.openMs.toFixed(1)} ms`);
console.log(`  ${EDITS} edits inside a function body:   ${stats(latency.inFunction)}`);
if (latency.inBigContract.length > 0) console.log(`  ${EDITS} edits in a Governor function:    ${stats(latency.inBigContract)}`);
if (latency.typing.length > 0) console.log(`  ${latency.typing.length} keys typing a statement there: ${stats(latency.typing)}`);
console.log(`  ${OUTSIDE_BODY_EDITS} edits of a state variable:       ${stats(latency.contractEdit)}`);
console.log(`  ${OUTSIDE_BODY_EDITS} edits of a contract header:      ${stats(latency.headerEdit)}`);
console.log(`  ${OUTSIDE_BODY_EDITS} edits of its base list:          ${stats(latency.baseListEdit)}`);
console.log(`  ${OUTSIDE_BODY_EDITS} edits of a comment:              ${stats(latency.commentEdit)}`);
console.log(`  ${OUTSIDE_BODY_EDITS} edits of the pragma:             ${stats(latency.pragmaEdit)}`);
if (!INDEXING) process.exit(0);
const indexing = await indexingRun();
const count = fs.readdirSync(OPENZEPPELIN, { recursive: true }).filter((f) => String(f).endsWith('.sol')).length;
console.log(`Indexing @openzeppelin/contracts (${count} files) as a workspace: ${(indexing.ms / 1000).toFixed(1)} s, server peak RSS ${indexing.rss} MB`);
