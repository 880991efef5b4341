// The sol-audit command line: declares the flags with commander and maps every outcome to an exit code
// (0 clean, 1 findings at or above --fail-on, 2 usage/config/internal errors).

import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json';
import { loadTreeSitter, PROFILES } from 'sol-audit-rules';
import { EXIT_ERROR, UsageError } from './cliErrors';
import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS, OUTPUT_FORMATS, parseIdList, parsePositiveInteger, type CliOptions } from './cliOptions';
import { runAudit } from './runAudit';

export function createProgram(onResult: (exitCode: number) => void): Command {
  return new Command()
    .name('sol-audit')
    .description('Static security analysis for Solidity: scans files or folders and reports likely vulnerabilities.')
    .version(packageJson.version)
    .argument('[paths...]', 'Solidity files or folders to scan (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit with 1 when a finding at or above this severity is reported').choices(FAIL_ON_LEVELS).default(DEFAULT_FAIL_ON),
    )
    .option('--rules <ids>', 'run only these rules (comma-separated ids)', parseIdList)
    .option('--exclude-rules <ids>', 'do not run these rules (comma-separated ids)', parseIdList)
    .addOption(new Option('--profile <name>', 'recommended: rules measured below high precision report at most Low; extended: every rule at its own severity (default: the config file\'s, else recommended)').choices(PROFILES))
    .option('-c, --config <file>', 'config file (default: <project root>/.sol-audit.json)')
    .option('--include-deps', 'also report files in dependency folders (foundry.toml libs, default lib/; node_modules/), as "reportDependencies": true does')
    .option('--list-rules', 'list the rules (with --format json: their full metadata) and exit')
    .option('--baseline <file>', 'a previous JSON or SARIF result: report only findings not in it')
    .option('--no-color', 'never colour the text output')
    .option('--no-cache', 'analyse every file; do not read or write <project root>/.sol-audit-cache')
    .option('-q, --quiet', 'no summary line, progress or notices; findings and errors only')
    .addOption(new Option('-j, --jobs <n>', 'worker threads analysing files (default: CPU cores minus one)').argParser(parsePositiveInteger))
    .option('--ai-triage', "append an AI model's verdict to each finding (OPENAI_API_KEY, OPENAI_BASE_URL; sends code to the endpoint)")
    .option('--ai-base-url <url>', 'OpenAI-compatible endpoint for --ai-triage (default: OPENAI_BASE_URL or https://api.openai.com/v1)')
    .option('--ai-model <model>', 'model for --ai-triage (default: gpt-4o-mini)')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        '  0  no finding at or above --fail-on',
        '  1  a finding at or above --fail-on (after --baseline)',
        '  2  usage error, bad config, unknown rule id, unreadable baseline, nothing readable, internal error',
        '',
        'Examples:',
        '  sol-audit src                                  scan a folder, text report',
        '  sol-audit --format sarif -o sol-audit.sarif    for GitHub code scanning',
        '  sol-audit --format json -o base.json --fail-on never && sol-audit --baseline base.json',
        '  sol-audit --list-rules',
      ].join('\n'),
    )
    .showHelpAfterError('(run sol-audit --help for usage)')
    .exitOverride()
    .action(async (paths: string[], options: CliOptions) => {
      await loadTreeSitter();
      onResult(await runAudit(paths, options, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }));
    });
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_ERROR;
  try {
    await createProgram((code) => (exitCode = code)).parseAsync(argv);
    return exitCode;
  } catch (err) {
    // Commander has already printed its own message; --help and --version end with exit code 0.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_ERROR;
    if (err instanceof UsageError) {
      process.stderr.write(`sol-audit: ${err.message}\n`);
      return EXIT_ERROR;
    }
    process.stderr.write(`sol-audit: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_ERROR;
  }
}

if (require.main === module) {
  // A reader that closes the pipe early (`sol-audit | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv).then((code) => {
    // Let pending writes to piped stdout flush instead of calling process.exit().
    process.exitCode = code;
  });
}
