// The analysis session: config read through the host once per root and again after invalidation, a broken or
// missing config reported with the defaults in force, one report policy for files and severities, and proposed
// texts analysed without touching the session's parses.

import * as assert from 'node:assert/strict';
import { AnalysisSession, InMemoryFileHost, type FileHost } from '../src/index';

const ROOT = '/p';
const WALLET = `pragma solidity 0.8.24;
contract Wallet {
    address owner;
    constructor() { owner = msg.sender; }
    function withdraw(address payable to) external {
        require(tx.origin == owner);
        to.transfer(address(this).balance);
    }
}
`;

/** An in-memory host that counts reads of each path, so caching is observable. */
class CountingHost implements FileHost {
  readonly reads = new Map<string, number>();
  private readonly inner: InMemoryFileHost;
  constructor(readonly files: Map<string, string>) {
    this.inner = new InMemoryFileHost(files);
  }
  readFile(p: string): string | undefined {
    this.reads.set(p, (this.reads.get(p) ?? 0) + 1);
    return this.inner.readFile(p);
  }
  readDirectory(p: string): string[] {
    return this.inner.readDirectory(p);
  }
  isDirectory(p: string): boolean {
    return this.inner.isDirectory(p);
  }
}

function hostWith(files: Record<string, string>): CountingHost {
  return new CountingHost(new Map(Object.entries({ [`${ROOT}/foundry.toml`]: '', ...files }).map(([k, v]) => [k.startsWith('/') ? k : `${ROOT}/${k}`, v])));
}

function ruleIds(session: AnalysisSession, file: string, settings = {}): string[] {
  return (session.analyseDocument(`${ROOT}/${file}`, settings)?.findings ?? []).map((f) => f.ruleId).sort();
}

describe('analysis session', () => {
  it('reads a project config once, and again after it changed', () => {
    const host = hostWith({ 'src/Wallet.sol': WALLET, '.sol-audit.json': '{ "rules": { "tx-origin": "off" } }' });
    const session = new AnalysisSession(host);
    assert.ok(!ruleIds(session, 'src/Wallet.sol').includes('tx-origin'));
    ruleIds(session, 'src/Wallet.sol', { minimumSeverity: 'high' });
    assert.equal(host.reads.get(`${ROOT}/.sol-audit.json`), 1);
    host.files.set(`${ROOT}/.sol-audit.json`, '{}');
    session.invalidate([`${ROOT}/.sol-audit.json`]);
    assert.ok(ruleIds(session, 'src/Wallet.sol').includes('tx-origin'));
  });

  it('falls back to the defaults on a broken config and says why; a named config file must exist', () => {
    const broken = new AnalysisSession(hostWith({ 'src/Wallet.sol': WALLET, '.sol-audit.json': '{ "rulez": {} }' }));
    const view = broken.viewOf(ROOT, {});
    assert.match(view.config.error ?? '', /unknown key "rulez"/);
    assert.ok(ruleIds(broken, 'src/Wallet.sol').includes('tx-origin'));
    const named = new AnalysisSession(hostWith({ 'src/Wallet.sol': WALLET }), { configFile: '/elsewhere/audit.json' });
    assert.match(named.viewOf(ROOT, {}).config.error ?? '', /cannot read config file \/elsewhere\/audit\.json/);
    assert.equal(new AnalysisSession(hostWith({ 'src/Wallet.sol': WALLET })).viewOf(ROOT, {}).config.error, undefined);
  });

  it('shows one policy: config and settings excludes, dependency folders, and minimumSeverity; syntax errors always', () => {
    const broken = 'pragma solidity 0.8.24;\ncontract Broken { function f( }\n';
    const host = hostWith({
      'src/Wallet.sol': WALLET,
      'src/gen/Gen.sol': WALLET,
      'src/mocks/Mock.sol': WALLET,
      'src/mocks/Broken.sol': broken,
      'lib/dep/Dep.sol': WALLET,
      '.sol-audit.json': '{ "exclude": ["src/gen/**"] }',
    });
    const session = new AnalysisSession(host);
    const settings = { exclude: ['mocks/**'], excludeBase: `${ROOT}/src`, minimumSeverity: 'medium' as const };
    const shown = session.analyse(['src/Wallet.sol', 'src/gen/Gen.sol', 'src/mocks/Mock.sol', 'src/mocks/Broken.sol', 'lib/dep/Dep.sol'].map((f) => `${ROOT}/${f}`), settings);
    const byFile = Object.fromEntries(shown.map((a) => [a.path.slice(ROOT.length + 1), a.findings.map((f) => `${f.ruleId} ${f.severity}`)]));
    assert.deepEqual(byFile, {
      'src/Wallet.sol': ['tx-origin medium'],
      'src/gen/Gen.sol': [],
      'src/mocks/Mock.sol': [],
      'src/mocks/Broken.sol': ['syntax-error high'],
      'lib/dep/Dep.sol': [],
    });
    // The report of the project lists the same: the excluded files are not reported, the dependency is left out.
    const report = session.report([ROOT], settings);
    assert.deepEqual(report.files, [`${ROOT}/src/Wallet.sol`]);
    assert.deepEqual(report.leftOut.map((f) => f.folder), [`${ROOT}/lib`]);
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.ruleId}`), [`${ROOT}/src/Wallet.sol tx-origin`]);
  });

  it('analyses a proposed text under the same settings without replacing the parse of the document', () => {
    const session = new AnalysisSession(hostWith({ 'src/Wallet.sol': WALLET }));
    const file = `${ROOT}/src/Wallet.sol`;
    const before = session.analyseDocument(file, { onlyRules: ['tx-origin'] });
    assert.deepEqual(before?.findings.map((f) => f.ruleId), ['tx-origin']);
    const proposed = session.analyseProposedText(file, WALLET.replace('tx.origin', 'msg.sender'), { onlyRules: ['tx-origin'] });
    assert.deepEqual(proposed?.findings, []);
    assert.equal(session.parseCache.get(file, WALLET), before?.file, 'the document keeps its parse');
  });
});
