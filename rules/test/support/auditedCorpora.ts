// Audited real-world Solidity installed from npm (OpenZeppelin, Uniswap) and one sweep over it, shared by the
// precision tests and scripts/benchPrecision.ts, plus the list of accepted Medium findings kept in docs/precision.md.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeFile,
  collectSolidityFiles,
  DEFAULT_CONFIG,
  defaultRegistry,
  NodeFileHost,
  ParseCache,
  ProjectModel,
  relativeTo,
  selectRules,
  type Finding,
} from '../../src/index';
import { REPO_ROOT } from './fixtureProject';
import { CORPUS_PACKAGES, NON_PRODUCTION_DIRS, NON_PRODUCTION_FILE, packageRoot, type CorpusPackage } from './realWorldCorpus';

const host = new NodeFileHost();

export interface AuditedCorpus {
  /** npm package (and folder), the prefix of every file path in docs/precision.md. */
  name: string;
  /** The project root imports resolve from. */
  root: string;
  /** The production `.sol` files scanned, absolute and sorted. */
  files: () => string[];
  /** The real-world packages live in .corpus-cache/ and are absent until `npm run corpus` fetched them. */
  fetched: boolean;
}

/** OpenZeppelin and Uniswap core, devDependencies of this repository: every file of the package is production. */
const INSTALLED_CORPORA: AuditedCorpus[] = [
  '@openzeppelin/contracts',
  '@openzeppelin/contracts-upgradeable',
  '@uniswap/v2-core/contracts',
  '@uniswap/v3-core/contracts',
].map((name) => {
  const root = path.join(REPO_ROOT, 'node_modules', name);
  return { name, root, files: () => collectSolidityFiles(root, host), fetched: true };
});

function realWorldCorpus(pkg: CorpusPackage): AuditedCorpus {
  const root = packageRoot(pkg);
  const skipped = new Set([...NON_PRODUCTION_DIRS, ...(pkg.excludeDirs ?? []), 'node_modules']);
  const isProduction = (file: string): boolean => {
    const segments = path.relative(root, file).split(path.sep);
    return !segments.slice(0, -1).some((segment) => skipped.has(segment)) && !NON_PRODUCTION_FILE.test(segments[segments.length - 1]);
  };
  return {
    name: pkg.name,
    root,
    files: () => pkg.include.flatMap((folder) => collectSolidityFiles(path.join(root, folder), host, true)).filter(isProduction).sort(),
    fetched: fs.existsSync(root),
  };
}

export const AUDITED_CORPORA: AuditedCorpus[] = [...INSTALLED_CORPORA, ...CORPUS_PACKAGES.map(realWorldCorpus)];

export const SEVERITIES = ['high', 'medium', 'low', 'informational', 'gas'] as const;

export interface CorpusSweep {
  corpus: AuditedCorpus;
  files: string[];
  lineCount: number;
  findings: Finding[];
  /** Source lines by file, to match accepted findings by their text rather than a line number that drifts. */
  lineText: (finding: Finding) => string;
}


/**
 * Sweeps corpora with all default rules, the way scanFiles does. One parse cache serves every corpus:
 * the upgradeable package imports most of the other one, which is then parsed once.
 */
export class CorpusSweeper {
  private readonly parseCache = new ParseCache();
  private readonly selection;

  /** `onlyRules` narrows the sweep to those rules, for a quicker look at one rule's findings. */
  constructor(onlyRules?: string[]) {
    this.selection = selectRules(defaultRegistry(), DEFAULT_CONFIG, { only: onlyRules });
  }

  sweep(corpus: AuditedCorpus): CorpusSweep {
    const files = corpus.files();
    const project = ProjectModel.load(files, { root: corpus.root, host, parseCache: this.parseCache });
    const sources = files.map((file) => {
      const source = project.file(file);
      assert.ok(source, `${file} was not loaded`);
      return source;
    });
    const textByFile = new Map(sources.map((source) => [source.path, source.text.split('\n')]));
    return {
      corpus,
      files,
      lineCount: sources.reduce((sum, source) => sum + source.lines.lineCount, 0),
      findings: sources.flatMap((source) => analyzeFile(project, source, this.selection)),
      lineText: (finding) => textByFile.get(finding.file)?.[finding.range.startLine - 1] ?? '',
    };
  }
}

export function corpusPath(sweep: CorpusSweep, finding: Finding): string {
  return `${sweep.corpus.name}/${relativeTo(sweep.corpus.root, finding.file)}`;
}

export function describeFindings(sweep: CorpusSweep, findings: Finding[]): string {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  return [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, list]) => [
      `  ${ruleId} (${list[0].severity}): ${list.length}`,
      ...list.map((f) => `    ${corpusPath(sweep, f)}:${f.range.startLine} ${f.message}`),
    ].join('\n'))
    .join('\n');
}

/** One row of the accepted-findings table in docs/precision.md. */
export interface AcceptedFinding {
  ruleId: string;
  /** Corpus-prefixed path, e.g. `@openzeppelin/contracts/utils/Base64.sol`. */
  file: string;
  /** Text that the reported line contains. */
  snippet: string;
  verdict: 'true issue' | 'limitation';
  reason: string;
}

export const PRECISION_DOC = path.join(REPO_ROOT, 'docs/precision.md');
const TABLE_START = '<!-- accepted-findings:start -->';
const TABLE_END = '<!-- accepted-findings:end -->';

/** Reads the table between the accepted-findings markers: `| rule | file | snippet | verdict | reason |`. */
export function readAcceptedFindings(docPath = PRECISION_DOC): AcceptedFinding[] {
  const text = fs.readFileSync(docPath, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  assert.ok(start >= 0 && end > start, `${docPath} has no ${TABLE_START} … ${TABLE_END} table`);
  const rows = text.slice(start + TABLE_START.length, end).split('\n').filter((line) => line.trim().startsWith('|'));
  // Skip the header row and the |---| separator.
  return rows.slice(2).map((row) => {
    const cells = row.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim().replace(/^`|`$/g, ''));
    assert.equal(cells.length, 5, `docs/precision.md row needs 5 cells: ${row}`);
    const [ruleId, file, snippet, verdict, reason] = cells;
    assert.ok(verdict === 'true issue' || verdict === 'limitation', `verdict must be "true issue" or "limitation": ${row}`);
    assert.ok(snippet.length > 0 && reason.length > 0, `empty snippet or reason: ${row}`);
    return { ruleId, file, snippet, verdict, reason };
  });
}

export function isAccepted(sweep: CorpusSweep, finding: Finding, accepted: AcceptedFinding[]): boolean {
  const file = corpusPath(sweep, finding);
  return accepted.some((entry) =>
    entry.ruleId === finding.ruleId && entry.file === file && sweep.lineText(finding).includes(entry.snippet));
}

/** Findings per 10,000 lines, the unit of the precision target. */
export function per10kLines(count: number, lineCount: number): number {
  return lineCount === 0 ? 0 : (count * 10_000) / lineCount;
}
