// Precision on audited code: every file of OpenZeppelin Contracts 5 (and its upgradeable twin), Uniswap v2-core
// and v3-core must analyse without a syntax or internal error, with no High finding and at most one Medium per
// 10k lines beyond the findings accepted, with a reason, in docs/precision.md.

import * as assert from 'node:assert/strict';
import {
  AUDITED_CORPORA,
  corpusPath,
  CorpusSweeper,
  describeFindings,
  isAccepted,
  per10kLines,
  readAcceptedFindings,
  type CorpusSweep,
} from './support/auditedCorpora';

// The Medium budget of the precision target, counted after the accepted findings are set aside.
const MAX_MEDIUM_PER_10K_LINES = 1;
// Fewer files than this means a broken install: OpenZeppelin 5 has about 250, the upgradeable package about 100.
const MIN_FILES: Record<string, number> = {
  '@openzeppelin/contracts': 200,
  '@openzeppelin/contracts-upgradeable': 90,
  '@uniswap/v2-core/contracts': 10,
  '@uniswap/v3-core/contracts': 25,
};

describe('precision on audited code', function () {
  // About 30 s for the four corpora on a shared two-core machine; the margin is for other load.
  this.timeout(300_000);
  // One sweeper, so one parse cache across corpora: the upgradeable package reuses the OpenZeppelin parses.
  const sweeper = new CorpusSweeper();
  const accepted = readAcceptedFindings();
  const sweeps: CorpusSweep[] = [];

  before(() => {
    for (const corpus of AUDITED_CORPORA) {
      const sweep = sweeper.sweep(corpus);
      sweeps.push(sweep);
      const serious = sweep.findings.filter((f) => f.severity === 'high' || f.severity === 'medium');
      console.log(`    ${corpus.name}: ${sweep.files.length} files, ${sweep.lineCount} lines, ${sweep.findings.length} findings, ${serious.length} High or Medium`);
      if (serious.length > 0) console.log(describeFindings(sweep, serious));
    }
  });

  for (const [index, corpus] of AUDITED_CORPORA.entries()) {
    describe(corpus.name, () => {
      const sweep = () => sweeps[index];

      it('holds the whole package', () => {
        assert.ok(sweep().files.length >= MIN_FILES[corpus.name], `only ${sweep().files.length} files under ${corpus.root}`);
      });

      it('parses every file and runs every rule without an internal error', () => {
        const engineErrors = sweep().findings.filter((f) => f.ruleId === 'syntax-error' || f.ruleId === 'internal-error');
        assert.equal(engineErrors.length, 0, `engine errors:\n${describeFindings(sweep(), engineErrors)}`);
      });

      it('raises no High finding', () => {
        // No acceptance for High: a High on audited code is a false positive to fix, or a severity to lower.
        const high = sweep().findings.filter((f) => f.severity === 'high');
        assert.equal(high.length, 0, `High findings on audited code (false positives to fix):\n${describeFindings(sweep(), high)}`);
      });

      it(`raises at most ${MAX_MEDIUM_PER_10K_LINES} Medium per 10k lines beyond the accepted ones`, () => {
        const medium = sweep().findings.filter((f) => f.severity === 'medium' && !isAccepted(sweep(), f, accepted));
        const allowed = Math.floor((MAX_MEDIUM_PER_10K_LINES * sweep().lineCount) / 10_000);
        assert.ok(
          medium.length <= allowed,
          `${medium.length} Medium (${per10kLines(medium.length, sweep().lineCount).toFixed(2)} per 10k lines, at most ${allowed} allowed):\n${describeFindings(sweep(), medium)}`,
        );
      });
    });
  }

  it('lists no accepted finding that no longer occurs', () => {
    // A stale entry would silently accept a future regression on the same line.
    const stale = accepted.filter((entry) => !sweeps.some((sweep) =>
      sweep.findings.some((f) => f.ruleId === entry.ruleId && corpusPath(sweep, f) === entry.file && sweep.lineText(f).includes(entry.snippet))));
    assert.deepEqual(stale.map((e) => `${e.ruleId} ${e.file} ${e.snippet}`), []);
  });
});
