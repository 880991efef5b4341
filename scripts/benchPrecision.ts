// Precision on real-world code: per corpus (OpenZeppelin, Uniswap and the packages of `npm run corpus`), files,
// lines, findings per severity and per 10k lines, and how many High/Medium the triage table does not list.
// Run: npx tsx scripts/benchPrecision.ts [--list | --untriaged] [--rules a,b] [--corpus text] [--profile extended]
//   --list       print every High and Medium finding (extended profile: every rule at its own severity)
//   --untriaged  print only those the triage table of docs/precision.md lacks
//   --profile  count findings as this profile publishes them (default recommended)
//   --rules    count only these rules (the sweep is faster: rules not named do not run)
//   --corpus   sweep only corpora whose name contains this text

import { parseArgs } from 'node:util';
import {
  AUDITED_CORPORA,
  CorpusSweeper,
  describeFindings,
  isHighOrMedium,
  matchTriage,
  per10kLines,
  readTriage,
  withProfile,
  SEVERITIES,
} from '../rules/test/support/auditedCorpora';
import { loadTreeSitter } from 'sol-audit-rules';

const { values: options } = parseArgs({
  options: { list: { type: 'boolean', default: false }, untriaged: { type: 'boolean', default: false }, rules: { type: 'string' }, corpus: { type: 'string' }, profile: { type: 'string', default: 'recommended' } },
});
const onlyRules = options.rules?.split(',').map((id) => id.trim()).filter(Boolean);

async function main(): Promise<void> {
  await loadTreeSitter();
  const sweeper = new CorpusSweeper(onlyRules);
  const triage = readTriage();
  const rows: Record<string, string | number>[] = [];
  const started = process.hrtime.bigint();

  for (const corpus of AUDITED_CORPORA) {
    if (options.corpus && !corpus.name.includes(options.corpus)) continue;
    if (!corpus.fetched) {
      console.log(`${corpus.name}: not fetched (npm run corpus)`);
      continue;
    }
    const sweep = sweeper.sweep(corpus);
    const shown = options.profile === 'extended' ? sweep.findings : withProfile(sweep.findings, 'recommended');
    const count = (severity: string) => shown.filter((f) => f.severity === severity).length;
    const serious = sweep.findings.filter(isHighOrMedium);
    const { untriaged } = matchTriage([sweep], triage);
    rows.push({
      corpus: corpus.name,
      files: sweep.files.length,
      lines: sweep.lineCount,
      ...Object.fromEntries(SEVERITIES.map((s) => [s, count(s)])),
      'per 10k': per10kLines(sweep.findings.length, sweep.lineCount).toFixed(1),
      'high /10k': per10kLines(count('high'), sweep.lineCount).toFixed(2),
      'medium /10k': per10kLines(count('medium'), sweep.lineCount).toFixed(2),
      'not triaged': untriaged.length,
    });
    const listed = options.untriaged ? untriaged : serious;
    if ((options.list || options.untriaged) && listed.length > 0) console.log(`${corpus.name}:\n${describeFindings(sweep, listed)}`);
  }

  console.log(`Precision on real-world code (${options.profile} profile, ${onlyRules ? onlyRules.join(', ') : 'all rules'}):`);
  console.table(rows);
  console.log(`swept in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s with one shared parse cache`);
}

void main();
