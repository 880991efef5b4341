// Finds and parses the project's `.sol-audit.json` (or the file named by --config) through parseConfig, so a
// bad key is reported by name before anything is scanned.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG, parseConfig, type AuditConfig } from '../config/config';
import { UsageError } from './cliErrors';

export function loadConfig(root: string, explicitPath: string | undefined, knownRuleIds: ReadonlySet<string>): AuditConfig {
  const configPath = explicitPath === undefined ? path.join(root, CONFIG_FILE_NAME) : path.resolve(explicitPath);
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (err) {
    // A project without a config file uses the defaults; a config named on the command line must exist.
    if (explicitPath === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_CONFIG;
    throw new UsageError(`cannot read config file ${configPath}: ${(err as Error).message}`);
  }
  try {
    return parseConfig(text, knownRuleIds, path.relative(process.cwd(), configPath) || configPath);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`bad config: ${err.message}`);
    throw err;
  }
}
