// `.sol-audit.json`: which rules run, severity overrides, and which paths are analysed but not reported.
// Validation names the offending key, so a typo is a clear error instead of a silently ignored setting.

import picomatch from 'picomatch';
import { SEVERITIES, type Severity } from '../model/finding';
import { leftOutFolderOf, type ProjectLayout } from '../project/projectLayout';

export const CONFIG_FILE_NAME = '.sol-audit.json';

/** "off", "on", or a severity (which also means "on"). */
export type RuleSetting = 'off' | 'on' | Severity;

export interface AuditConfig {
  rules: Record<string, RuleSetting>;
  /** Globs, relative to the project root, of files that are analysed for context but not reported. */
  exclude: string[];
  /** Report findings in dependency folders too: foundry.toml `libs` (default `lib/`) and `node_modules/`. */
  reportDependencies: boolean;
  /** Which rules report at full severity: `recommended` (measured precision high or better) or `extended` (all). */
  profile: Profile;
}

export const PROFILES = ['recommended', 'extended'] as const;
export type Profile = (typeof PROFILES)[number];

export const DEFAULT_CONFIG: AuditConfig = { rules: {}, exclude: [], reportDependencies: false, profile: 'recommended' };

export class ConfigError extends Error {}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'exclude', 'reportDependencies', 'profile'];

export function parseConfig(text: string, knownRuleIds: ReadonlySet<string>, source: string): AuditConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${source}: must be a JSON object`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!TOP_LEVEL_KEYS.includes(key)) throw new ConfigError(`${source}: unknown key "${key}" (allowed: ${TOP_LEVEL_KEYS.slice(1).join(', ')})`);
  }
  const config: AuditConfig = { ...DEFAULT_CONFIG, rules: {}, exclude: [] };
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) throw new ConfigError(`${source}: "rules" must be an object of rule id to setting`);
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRuleIds.has(id)) throw new ConfigError(`${source}: "rules.${id}" names no known rule (see sol-audit --list-rules)`);
      if (value !== 'off' && value !== 'on' && !SEVERITIES.includes(value as Severity)) {
        throw new ConfigError(`${source}: "rules.${id}" must be "off", "on" or one of ${SEVERITIES.join(', ')}`);
      }
      config.rules[id] = value as RuleSetting;
    }
  }
  if (obj.exclude !== undefined) {
    if (!Array.isArray(obj.exclude) || obj.exclude.some((g) => typeof g !== 'string')) throw new ConfigError(`${source}: "exclude" must be a list of glob strings`);
    config.exclude = obj.exclude as string[];
  }
  if (obj.reportDependencies !== undefined) {
    if (typeof obj.reportDependencies !== 'boolean') throw new ConfigError(`${source}: "reportDependencies" must be true or false`);
    config.reportDependencies = obj.reportDependencies;
  }
  if (obj.profile !== undefined) {
    if (!PROFILES.includes(obj.profile as Profile)) throw new ConfigError(`${source}: "profile" must be one of ${PROFILES.join(', ')}`);
    config.profile = obj.profile as Profile;
  }
  return config;
}

/**
 * Whether findings in a file (path relative to the root, with forward slashes) are reported: not in a dependency
 * folder or build output of `layout` (unless `reportDependencies`), and not excluded.
 */
export function createReportFilter(config: AuditConfig, layout: ProjectLayout): (relativePath: string) => boolean {
  const excluded = config.exclude.length > 0 ? picomatch(config.exclude, { dot: true }) : () => false;
  return (relativePath) => leftOutFolderOf(relativePath, layout, config.reportDependencies) === undefined && !excluded(relativePath);
}
