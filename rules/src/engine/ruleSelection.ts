// Decides which rules run and at which severity, from the config and command-line or editor overrides.

import type { AuditConfig, Profile, RuleSetting } from '../config/config';
import type { Severity } from '../model/finding';
import { CORPUS_PRECISION } from '../precision/corpusPrecision';
import { meetsRecommendedPrecision, type MeasuredPrecision } from '../precision/measuredPrecision';
import { ENGINE_RULES } from './engineRules';
import type { RuleRegistry } from './registry';
import type { Rule } from './ruleApi';

export interface RuleSelection {
  rules: Rule[];
  /** Every rule id that exists, engine ones included: suppressions of unknown ids are reported. */
  knownRuleIds: ReadonlySet<string>;
  /** Rule ids whose findings can appear, engine ones included. */
  ranRuleIds: ReadonlySet<string>;
  severityOverrides: ReadonlyMap<string, Severity>;
  /** The most severe level a rule may report at under the profile (rules below its precision bar). */
  severityCaps: ReadonlyMap<string, Severity>;
}

export interface SelectionOverrides {
  /** When set, only these rules run. */
  only?: string[];
  exclude?: string[];
  /** Applied after the config file (the editor's per-resource settings). */
  settings?: Record<string, RuleSetting>;
  /** Replaces the config file's profile (the CLI flag, the editor setting). */
  profile?: Profile;
}

// Where the recommended profile puts a rule whose findings held up less than three times in four on real code:
// still reported, as a note that neither fails a CI run at the default threshold nor shows as a warning.
const BELOW_PRECISION_BAR: Severity = 'low';

export class UnknownRuleError extends Error {}

export function knownRuleIds(registry: RuleRegistry): Set<string> {
  return new Set([...registry.all().map((r) => r.meta.id), ...ENGINE_RULES.map((m) => m.id)]);
}

/** `precision` is the measured precision per rule that the recommended profile reads: the corpus's, or a test's. */
export function selectRules(
  registry: RuleRegistry,
  config: AuditConfig,
  overrides: SelectionOverrides = {},
  precision: Readonly<Record<string, MeasuredPrecision>> = CORPUS_PRECISION,
): RuleSelection {
  const known = knownRuleIds(registry);
  for (const id of [...(overrides.only ?? []), ...(overrides.exclude ?? [])]) {
    if (!known.has(id)) throw new UnknownRuleError(`Unknown rule id "${id}" (see sol-audit --list-rules)`);
  }
  const settings: Record<string, RuleSetting> = { ...config.rules, ...(overrides.settings ?? {}) };
  const enabled = (id: string): boolean => {
    if (overrides.only && !overrides.only.includes(id)) return false;
    if (overrides.exclude?.includes(id)) return false;
    return settings[id] !== 'off';
  };
  const severityOverrides = new Map<string, Severity>();
  for (const [id, setting] of Object.entries(settings)) {
    if (setting !== 'on' && setting !== 'off') severityOverrides.set(id, setting);
  }
  const rules = registry.all().filter((r) => enabled(r.meta.id));
  const severityCaps = new Map<string, Severity>();
  if ((overrides.profile ?? config.profile) === 'recommended') {
    for (const rule of rules) {
      // A severity the user chose for the rule wins over the profile.
      if (severityOverrides.has(rule.meta.id)) continue;
      if (!meetsRecommendedPrecision(precision[rule.meta.id])) severityCaps.set(rule.meta.id, BELOW_PRECISION_BAR);
    }
  }
  // Engine findings follow the same switches, except that syntax errors are always shown.
  const ran = new Set<string>(rules.map((r) => r.meta.id));
  for (const meta of ENGINE_RULES) if (meta.id === 'syntax-error' || enabled(meta.id)) ran.add(meta.id);
  return { rules, knownRuleIds: known, ranRuleIds: ran, severityOverrides, severityCaps };
}
