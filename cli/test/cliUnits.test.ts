// In-process checks of the CLI's small decisions: the --fail-on threshold, baseline subtraction with
// duplicates, id-list parsing and the progress line.

import * as assert from 'node:assert/strict';
import { InvalidArgumentError } from 'commander';
import type { Finding, Severity } from 'sol-audit-rules';
import { subtractBaseline } from '../src/baseline';
import { failsOn, parseIdList, parsePositiveInteger } from '../src/cliOptions';
import { createProgressLine } from '../src/progress';

function finding(severity: Severity, fingerprint = `fp-${severity}`): Finding {
  const range = { start: 0, end: 1, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  return { ruleId: 'r', title: 't', severity, confidence: 'high', category: 'code-quality', message: 'm', file: '/f.sol', range, related: [], suggestions: [], tags: [], fingerprint };
}

describe('CLI decisions', () => {
  it('--fail-on counts findings at or above the threshold only', () => {
    assert.equal(failsOn([finding('medium')], 'high'), false);
    assert.equal(failsOn([finding('medium')], 'medium'), true);
    assert.equal(failsOn([finding('high')], 'low'), true);
    assert.equal(failsOn([finding('gas')], 'informational'), false, 'gas ranks below informational');
    assert.equal(failsOn([finding('gas')], 'gas'), true);
    assert.equal(failsOn([finding('high')], 'never'), false);
    assert.equal(failsOn([], 'gas'), false);
  });

  it('a baseline hides as many copies of a fingerprint as it holds, no more', () => {
    const findings = [finding('high', 'a'), finding('high', 'a'), finding('low', 'b')];
    const { fresh, matched } = subtractBaseline(findings, new Map([['a', 1]]));
    assert.equal(matched, 1);
    assert.deepEqual(fresh.map((f) => f.fingerprint), ['a', 'b']);
  });

  it('parses comma-separated ids, accumulating repeated flags', () => {
    assert.deepEqual(parseIdList(' a, b,,c '), ['a', 'b', 'c']);
    assert.deepEqual(parseIdList('d', ['a']), ['a', 'd']);
  });

  it('accepts only whole --jobs counts of at least one', () => {
    assert.equal(parsePositiveInteger('4'), 4);
    for (const bad of ['0', '-1', '1.5', 'many']) assert.throws(() => parsePositiveInteger(bad), InvalidArgumentError);
  });

  it('draws the progress line in place and clears it, only when enabled', () => {
    const written: string[] = [];
    const stream = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const progress = createProgressLine(stream, true);
    progress.update(12, 248);
    progress.clear();
    assert.deepEqual(written, ['\r\x1b[KScanning 12/248 files…', '\r\x1b[K']);
    const silent: string[] = [];
    const off = createProgressLine({ write: (text: string) => silent.push(text) } as unknown as NodeJS.WriteStream, false);
    off.update(1, 2);
    off.clear();
    assert.deepEqual(silent, []);
  });
});
