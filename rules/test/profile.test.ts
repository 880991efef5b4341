// Profiles: `recommended` reports a rule measured below high precision at most as Low; `extended` reports every
// rule at its own severity; a severity the user sets wins. Also the precision grading and the triage table parser.

import * as assert from 'node:assert/strict';
import {
  analyzeFile,
  ConfigError,
  DEFAULT_CONFIG,
  defaultRegistry,
  InMemoryFileHost,
  knownRuleIds,
  parseConfig,
  ProjectModel,
  selectRules,
  type MeasuredPrecision,
} from '../src/index';
import { precisionLevel } from '../src/precision/measuredPrecision';
import { measurePrecision, parseTriageTable, TriageTableError } from '../src/precision/triageTable';

const registry = defaultRegistry();
// One finding at the rule's own severity: the origin's balance is debited and paid to the caller (High).
const source = `pragma solidity 0.8.24;
contract Wallet {
    mapping(address => uint256) balances;
    function withdraw(uint256 amount) external {
        balances[tx.origin] -= amount;
        payable(msg.sender).transfer(amount);
    }
}
`;

function txOriginSeverities(precision: Record<string, MeasuredPrecision>, overrides: Parameters<typeof selectRules>[2] = {}): string[] {
  const filePath = '/p/Wallet.sol';
  const host = new InMemoryFileHost(new Map([[filePath, source]]));
  const project = ProjectModel.load([filePath], { root: '/p', host });
  const file = project.file(filePath);
  assert.ok(file);
  const selection = selectRules(registry, DEFAULT_CONFIG, overrides, precision);
  return analyzeFile(project, file, selection).filter((f) => f.ruleId === 'tx-origin').map((f) => f.severity);
}

describe('profiles', () => {
  const native = registry.get('tx-origin')?.meta.severity;
  const lowPrecision = { 'tx-origin': { true: 1, debatable: 0, false: 5, level: 'low' as const } };
  const highPrecision = { 'tx-origin': { true: 9, debatable: 1, false: 1, level: 'very-high' as const } };

  it('recommended (the default) reports a rule measured below high precision at most as Low', () => {
    assert.ok(native === 'high' || native === 'medium', 'the test needs tx-origin to be High or Medium');
    assert.deepEqual(txOriginSeverities(lowPrecision), ['low']);
  });

  it('recommended keeps the severity of a rule measured at high precision, or not measured at all', () => {
    assert.deepEqual(txOriginSeverities(highPrecision), [native]);
    assert.deepEqual(txOriginSeverities({}), [native]);
  });

  it('recommended keeps a rule whose low precision rests on fewer than five findings', () => {
    const fewFindings = { 'tx-origin': { true: 0, debatable: 0, false: 3, level: 'low' as const } };
    assert.deepEqual(txOriginSeverities(fewFindings), [native]);
  });

  it('extended reports every rule at its own severity', () => {
    assert.deepEqual(txOriginSeverities(lowPrecision, { profile: 'extended' }), [native]);
  });

  it('a severity the user sets for the rule wins over the profile', () => {
    assert.deepEqual(txOriginSeverities(lowPrecision, { settings: { 'tx-origin': 'medium' } }), ['medium']);
  });

  it('.sol-audit.json names the profile, and rejects an unknown one', () => {
    const known = knownRuleIds(registry);
    assert.equal(parseConfig('{}', known, 'c').profile, 'recommended');
    assert.equal(parseConfig('{ "profile": "extended" }', known, 'c').profile, 'extended');
    assert.throws(() => parseConfig('{ "profile": "strict" }', known, 'c'), (err: unknown) => err instanceof ConfigError && /"profile" must be one of recommended, extended/.test(err.message));
  });
});

describe('measured precision', () => {
  it('grades the share of findings that held up (true or debatable)', () => {
    assert.equal(precisionLevel({ true: 0, debatable: 0, false: 0 }), undefined);
    assert.equal(precisionLevel({ true: 8, debatable: 2, false: 1 }), 'very-high');
    // Fewer than ten findings earn at most "high", however clean.
    assert.equal(precisionLevel({ true: 3, debatable: 0, false: 0 }), 'high');
    assert.equal(precisionLevel({ true: 2, debatable: 1, false: 1 }), 'high');
    assert.equal(precisionLevel({ true: 1, debatable: 1, false: 2 }), 'medium');
    assert.equal(precisionLevel({ true: 0, debatable: 1, false: 2 }), 'low');
  });

  it('reads the triage table and counts labels per rule', () => {
    const doc = [
      'intro',
      '<!-- triage:start -->',
      '| Rule | Severity | File | Line contains | Label | Reason |',
      '|---|---|---|---|---|---|',
      '| tx-origin | medium | pkg/A.sol | `tx.origin == owner` | true | Authorises by the origin. |',
      '| tx-origin | medium | pkg/B.sol | `tx.origin == msg.sender` | false | An EOA check. |',
      '<!-- triage:end -->',
    ].join('\n');
    const rows = parseTriageTable(doc);
    assert.deepEqual(rows.map((r) => [r.file, r.snippet, r.label]), [['pkg/A.sol', 'tx.origin == owner', 'true'], ['pkg/B.sol', 'tx.origin == msg.sender', 'false']]);
    assert.deepEqual(measurePrecision(rows).get('tx-origin'), { true: 1, debatable: 0, false: 1, level: 'medium' });
  });

  it('rejects a row without a reason, a label or a backticked snippet', () => {
    const table = (row: string) => `<!-- triage:start -->\n| h |\n|---|\n${row}\n<!-- triage:end -->`;
    assert.throws(() => parseTriageTable(table('| r | high | f | `x` | maybe | why |')), TriageTableError);
    assert.throws(() => parseTriageTable(table('| r | high | f | x | true | why |')), TriageTableError);
    assert.throws(() => parseTriageTable(table('| r | high | f | `x` | true |  |')), TriageTableError);
  });
});
