// One run of the sol-audit command after argument parsing: config, rule selection, scan, baseline,
// rendering and the exit code. Writes only to the streams and files it is given.

import * as fs from 'node:fs';
import * as path from 'node:path';
import packageJson from '../package.json';
import { AnalysisSession, type AnalysisSettings, type AuditReport, defaultRegistry, ENGINE_RULES, NodeFileHost, type ProjectView, renderReport, renderSarif, UnknownRuleError } from 'sol-audit-rules';
import { loadBaseline, subtractBaseline } from './baseline';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError } from './cliErrors';
import { failsOn, type CliOptions } from './cliOptions';
import { renderRuleList } from './listRules';
import { runAiTriage } from './loadAiTriage';
import { createProgressLine } from './progress';
import { runScan, type ScanRunRequest } from './scanRunner';

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export async function runAudit(paths: string[], options: CliOptions, io: CliIo): Promise<number> {
  const registry = defaultRegistry();
  const catalog = { rules: registry.all().map((r) => r.meta), engineRules: ENGINE_RULES };
  const toolVersion = packageJson.version;

  if (options.listRules) {
    const text =
      options.format === 'sarif'
        ? renderSarif(emptyReport(toolVersion, io.cwd, [...catalog.rules, ...catalog.engineRules]))
        : renderRuleList(catalog, options.format);
    writeOutput(text, options, io);
    return EXIT_OK;
  }

  const host = new NodeFileHost();
  const targets = solidityTargets(paths, host, io);
  const session = new AnalysisSession(host, { registry, configFile: configFileOf(options, io) });
  const root = session.rootOf(targets[0]);
  const view = viewOrExplain(session, root, cliSettings(options));
  const selection = view.selection;
  const baseline = options.baseline === undefined ? undefined : loadBaseline(path.resolve(io.cwd, options.baseline));

  const { files, leftOut } = view.policy.reportedFiles(targets);
  const progress = createProgressLine(io.stderr, io.stderr.isTTY === true && !options.quiet);
  const request: ScanRunRequest = {
    files,
    root,
    selection,
    host,
    jobs: options.jobs,
    cacheDir: options.cache ? undefined : false,
    onProgress: (done, total) => progress.update(done, total),
  };
  const scan = await runScan(request);
  progress.clear();

  for (const error of scan.errors) io.stderr.write(`sol-audit: ${path.relative(io.cwd, error.file) || error.file}: ${error.message}\n`);
  // When everything found was left out, the report's left-out note says so instead.
  if (files.length === 0 && leftOut.length === 0 && !options.quiet) io.stderr.write(`sol-audit: no Solidity files found in ${targets.map((t) => path.relative(io.cwd, t) || '.').join(', ')}\n`);

  const shown = view.policy.shown(scan.findings, true);
  const { fresh, matched } = baseline ? subtractBaseline(shown, baseline) : { fresh: shown, matched: 0 };
  if (options.aiTriage) {
    const triage = { baseUrl: options.aiBaseUrl, model: options.aiModel, settings: cliSettings(options), configFile: configFileOf(options, io) };
    await runAiTriage(fresh, root, triage, io.env, (line) => io.stderr.write(`${line}\n`));
  }
  const report: AuditReport = {
    toolVersion,
    root,
    repositoryRoot: findRepositoryRoot(root),
    files: scan.files,
    lineCount: scan.lineCount,
    findings: fresh,
    errors: scan.errors,
    leftOut,
    rules: [...catalog.rules, ...catalog.engineRules],
    baselineMatched: matched,
    readSource: (file) => host.readFile(file),
  };
  const color = useColor(options, io);
  writeOutput(renderReport(options.format, report, { cwd: io.cwd, color, quiet: options.quiet === true }), options, io);

  // Nothing could be read at all: the run proves nothing, so it must not pass CI silently.
  if (scan.files.length === 0 && scan.errors.length > 0) return EXIT_ERROR;
  return failsOn(fresh, options.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** The absolute paths to scan (default: the working folder), without other files a shell glob picked up. */
function solidityTargets(paths: string[], host: NodeFileHost, io: CliIo): string[] {
  const named = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  // Skip README.md and friends from `sol-audit *`: parsing them as Solidity helps no one.
  const notSolidity = named.filter((p) => !p.endsWith('.sol') && !host.isDirectory(p) && host.readFile(p) !== undefined);
  for (const p of notSolidity) io.stderr.write(`sol-audit: ${path.relative(io.cwd, p) || p}: skipped, not a .sol file\n`);
  const targets = named.filter((p) => !notSolidity.includes(p));
  if (targets.length === 0) throw new UsageError('no Solidity files or folders to scan');
  return targets;
}

/** The nearest folder at or above `start` holding `.git` (a folder, or a file in a worktree or submodule). */
function findRepositoryRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function useColor(options: CliOptions, io: CliIo): boolean {
  if (!options.color || options.output !== undefined || options.format !== 'text') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

function writeOutput(text: string, options: CliOptions, io: CliIo): void {
  if (options.output === undefined) {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, options.output);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  } catch (err) {
    throw new UsageError(`cannot write ${target}: ${(err as Error).message}`);
  }
  if (!options.quiet) io.stderr.write(`sol-audit: wrote ${options.format} report to ${path.relative(io.cwd, target) || target}\n`);
}

function emptyReport(toolVersion: string, root: string, rules: AuditReport['rules']): AuditReport {
  return { toolVersion, root, files: [], lineCount: 0, findings: [], errors: [], leftOut: [], rules, baselineMatched: 0, readSource: () => undefined };
}

/** What the flags decide on top of the config file. --include-deps is the command-line form of "reportDependencies". */
function cliSettings(options: CliOptions): AnalysisSettings {
  return { onlyRules: options.rules, disabledRules: options.excludeRules, profile: options.profile, reportDependencies: options.includeDeps };
}

function configFileOf(options: CliOptions, io: CliIo): string | undefined {
  return options.config && path.resolve(io.cwd, options.config);
}

/** The project's view under the flags; a bad config, a missing --config or an unknown rule id is a usage error, exit 2. */
function viewOrExplain(session: AnalysisSession, root: string, settings: AnalysisSettings): ProjectView {
  let view: ProjectView;
  try {
    view = session.viewOf(root, settings);
  } catch (err) {
    if (err instanceof UnknownRuleError) throw new UsageError(err.message);
    throw err;
  }
  if (view.config.error) throw new UsageError(view.config.error);
  return view;
}
