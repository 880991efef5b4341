// Precision on audited code: per corpus (OpenZeppelin, Uniswap), files, lines, findings per severity and per
// 10k lines, and how many Medium/High are not accepted in docs/precision.md. `--list` prints those findings too.
// Run: npx tsx scripts/benchPrecision.ts [--list]

import {
  AUDITED_CORPORA,
  CorpusSweeper,
  describeFindings,
  isAccepted,
  per10kLines,
  readAcceptedFindings,
  SEVERITIES,
} from '../rules/test/support/auditedCorpora';

const list = process.argv.includes('--list');
const sweeper = new CorpusSweeper();
const accepted = readAcceptedFindings();
const rows: Record<string, string | number>[] = [];
const started = process.hrtime.bigint();

for (const corpus of AUDITED_CORPORA) {
  const sweep = sweeper.sweep(corpus);
  const count = (severity: string) => sweep.findings.filter((f) => f.severity === severity).length;
  const serious = sweep.findings.filter((f) => f.severity === 'high' || f.severity === 'medium');
  const open = serious.filter((f) => !isAccepted(sweep, f, accepted));
  rows.push({
    corpus: corpus.name,
    files: sweep.files.length,
    lines: sweep.lineCount,
    ...Object.fromEntries(SEVERITIES.map((s) => [s, count(s)])),
    'per 10k': per10kLines(sweep.findings.length, sweep.lineCount).toFixed(1),
    'medium /10k': per10kLines(count('medium'), sweep.lineCount).toFixed(2),
    'high+med not accepted': open.length,
  });
  if (list && serious.length > 0) console.log(`${corpus.name}:\n${describeFindings(sweep, serious)}`);
}

console.log('Precision on audited code (all default rules):');
console.table(rows);
console.log(`swept in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s with one shared parse cache`);
