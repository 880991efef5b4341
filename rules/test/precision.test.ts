// Precision on real production code we did not write: OpenZeppelin 5 (and its upgradeable twin), Uniswap v2/v3
// core, and the packages `npm run corpus` fetches (Chainlink, Safe, Uniswap periphery and v4, Balancer, LayerZero,
// Arbitrum, Across, Axelar, ERC721A, PRBMath, Solady). Every file must analyse without an engine error, every High
// and Medium finding must be labelled in the triage table of docs/precision.md (and every row must still match a
// finding), and the default profile must meet the precision targets of issue 10.

import * as assert from 'node:assert/strict';
import {
  AUDITED_CORPORA,
  CorpusSweeper,
  describeFindings,
  isHighOrMedium,
  matchTriage,
  per10kLines,
  readTriage,
  withProfile,
  type CorpusSweep,
} from './support/auditedCorpora';
import type { Finding } from '../src/index';

// Issue 10's targets on the whole corpus, default (recommended) profile.
const MAX_HIGH_PER_10K_LINES = 0.5;
const MIN_HIGH_HELD_UP = 0.8;
const MAX_MEDIUM_PER_10K_LINES = 3;
const MIN_MEDIUM_HELD_UP = 0.6;
// Fewer files than this means a broken install or fetch.
const MIN_FILES: Record<string, number> = {
  '@openzeppelin/contracts': 200,
  '@openzeppelin/contracts-upgradeable': 90,
  '@uniswap/v2-core/contracts': 10,
  '@uniswap/v3-core/contracts': 25,
};

describe('precision on real-world code', function () {
  // About a minute for 220k lines on an idle two-core machine; the margin is for a busy one.
  this.timeout(900_000);
  const sweeper = new CorpusSweeper();
  const triage = readTriage();
  const sweeps: CorpusSweep[] = [];
  const missing = AUDITED_CORPORA.filter((corpus) => !corpus.fetched).map((corpus) => corpus.name);

  before(() => {
    if (missing.length > 0) console.log(`    not fetched, skipped: ${missing.join(', ')} (run npm run corpus)`);
    for (const corpus of AUDITED_CORPORA.filter((c) => c.fetched)) {
      const sweep = sweeper.sweep(corpus);
      sweeps.push(sweep);
      console.log(`    ${corpus.name}: ${sweep.files.length} files, ${sweep.lineCount} lines, ${sweep.findings.filter(isHighOrMedium).length} High or Medium (extended profile)`);
    }
  });

  const sweepOf = (name: string): CorpusSweep => {
    const sweep = sweeps.find((s) => s.corpus.name === name);
    assert.ok(sweep, `${name} was not swept`);
    return sweep;
  };

  for (const corpus of AUDITED_CORPORA) {
    describe(corpus.name, function () {
      beforeEach(function () {
        if (!corpus.fetched) this.skip();
      });

      it('holds the production sources', () => {
        assert.ok(sweepOf(corpus.name).files.length >= (MIN_FILES[corpus.name] ?? 10), `only ${sweepOf(corpus.name).files.length} files under ${corpus.root}`);
      });

      it('parses every file and runs every rule without an engine error', () => {
        const sweep = sweepOf(corpus.name);
        const engineErrors = sweep.findings.filter((f) => f.ruleId === 'syntax-error' || f.ruleId === 'internal-error');
        assert.equal(engineErrors.length, 0, `engine errors:\n${describeFindings(sweep, engineErrors)}`);
      });

      it('has every High and Medium finding labelled in the triage table', () => {
        const sweep = sweepOf(corpus.name);
        const { untriaged } = matchTriage([sweep], triage);
        assert.equal(untriaged.length, 0, `not in the triage table of docs/precision.md (read each in context and add a row):\n${describeFindings(sweep, untriaged)}`);
      });
    });
  }

  it('lists no triage row whose finding is gone', () => {
    // A stale row would silently label a future finding on the same line.
    const { stale } = matchTriage(sweeps, triage);
    assert.deepEqual(stale.map((row) => `${row.ruleId} ${row.severity} ${row.file} \`${row.snippet}\``), []);
  });

  describe('targets of the default profile on the whole corpus', () => {
    const published = (): { findings: Finding[]; lines: number; heldUp: (f: Finding) => boolean | undefined } => {
      const { labelled } = matchTriage(sweeps, triage);
      const labelOf = new Map(labelled.map(({ finding, row }) => [finding, row.label]));
      const findings: Finding[] = [];
      const original = new Map<Finding, Finding>();
      for (const sweep of sweeps) {
        for (const [index, shown] of withProfile(sweep.findings, 'recommended').entries()) {
          findings.push(shown);
          original.set(shown, sweep.findings[index]);
        }
      }
      const lines = sweeps.reduce((sum, sweep) => sum + sweep.lineCount, 0);
      const heldUp = (f: Finding) => {
        const label = labelOf.get(original.get(f) as Finding);
        return label === undefined ? undefined : label !== 'false';
      };
      return { findings, lines, heldUp };
    };

    for (const [severity, maxPer10k, minHeldUp] of [['high', MAX_HIGH_PER_10K_LINES, MIN_HIGH_HELD_UP], ['medium', MAX_MEDIUM_PER_10K_LINES, MIN_MEDIUM_HELD_UP]] as const) {
      it(`raises at most ${maxPer10k} ${severity} per 10k lines, and at least ${minHeldUp * 100}% of them hold up`, function () {
        if (missing.length > 0) this.skip();
        const { findings, lines, heldUp } = published();
        const shown = findings.filter((f) => f.severity === severity);
        const rate = per10kLines(shown.length, lines);
        const held = shown.filter((f) => heldUp(f) === true).length;
        const list = () => shown.map((f) => `  ${f.ruleId} ${f.file}:${f.range.startLine}`).join('\n');
        assert.ok(rate <= maxPer10k, `${shown.length} ${severity} findings in ${lines} lines: ${rate.toFixed(2)} per 10k\n${list()}`);
        assert.ok(shown.length === 0 || held / shown.length >= minHeldUp, `${held} of ${shown.length} ${severity} findings labelled true or debatable\n${list()}`);
      });
    }
  });

  it('names each triage row by a corpus file path', () => {
    const names = AUDITED_CORPORA.map((corpus) => `${corpus.name}/`);
    assert.deepEqual(triage.filter((row) => !names.some((name) => row.file.startsWith(name))).map((row) => row.file), []);
  });
});
