// Per-finding severity of the access-control rules on their fixtures: the fixture runner checks that a line
// fires, this checks how loud it is (a fallback forwarding only the sender's own ETH to a fixed contract).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../src/index';
import { analyzeFixture, FIXTURES_ROOT } from './support/fixtureProject';

/** The severity of `ruleId`'s finding on the one fixture line containing `snippet`. */
function severityAt(fixture: string, ruleId: string, snippet: string): string {
  const file = path.join(FIXTURES_ROOT, 'rules', fixture);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const matching = lines.flatMap((text, index) => (text.includes(snippet) ? [index + 1] : []));
  assert.equal(matching.length, 1, `${fixture}: \`${snippet}\` is on ${matching.length} lines`);
  const finding = analyzeFixture(file).find((f: Finding) => f.ruleId === ruleId && f.range.startLine === matching[0]);
  assert.ok(finding, `${fixture}:${matching[0]} has no ${ruleId} finding`);
  return finding.severity;
}

describe('access-control severities', () => {
  it("unprotected-receive-fallback: Medium when the contract's own ETH or logic runs, Low when only the sender's ETH goes to a fixed contract", () => {
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', '_compound(); // expect'), 'medium');
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', 'treasury.call{value: msg.value}("")'), 'low');
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', 'weth.deposit{value: msg.value}(); // expect'), 'low');
    assert.equal(severityAt('unprotected-receive-fallback.sol', 'unprotected-receive-fallback', '_wrap(); // expect'), 'low');
  });
});
