// Loads rules and validates their metadata, the way Slither refuses a detector without documentation.

import { CONFIDENCES, SEVERITIES, severityRank } from '../model/finding';
import { CATEGORIES, type Rule, type RuleMeta } from './ruleApi';

export class RuleMetadataError extends Error {}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SWC = /^SWC-\d{3}$/;

export function validateRuleMeta(meta: RuleMeta): void {
  const fail = (what: string): never => {
    throw new RuleMetadataError(`Rule "${meta.id}": ${what}`);
  };
  if (!KEBAB.test(meta.id ?? '')) fail('id must be kebab-case');
  for (const key of ['title', 'description', 'recommendation'] as const) {
    if (typeof meta[key] !== 'string' || meta[key].trim() === '') fail(`${key} is empty`);
  }
  if (!SEVERITIES.includes(meta.severity)) fail(`unknown severity "${meta.severity}"`);
  if (!CONFIDENCES.includes(meta.confidence)) fail(`unknown confidence "${meta.confidence}"`);
  if (!CATEGORIES.includes(meta.category)) fail(`unknown category "${meta.category}"`);
  if (typeof meta.exploitScenario !== 'string') fail('exploitScenario is missing');
  if (meta.severity === 'high' && meta.confidence === 'low') fail('a low-confidence rule cannot be high severity');
  if (severityRank(meta.severity) <= severityRank('medium') && meta.exploitScenario.trim() === '') {
    fail('exploitScenario is required at medium severity and above');
  }
  if (!Array.isArray(meta.swc) || meta.swc.some((s) => !SWC.test(s))) fail('swc entries must look like "SWC-107"');
  if (!Array.isArray(meta.references)) fail('references must be a list');
  const messageIds = Object.keys(meta.messages ?? {});
  if (messageIds.length === 0) fail('messages is empty');
  for (const id of messageIds) {
    if (typeof meta.messages[id] !== 'string' || meta.messages[id].trim() === '') fail(`message "${id}" is empty`);
  }
}

export class RuleRegistry {
  private readonly byId = new Map<string, Rule>();

  constructor(rules: readonly Rule[]) {
    for (const rule of rules) {
      validateRuleMeta(rule.meta);
      if (this.byId.has(rule.meta.id)) throw new RuleMetadataError(`Rule "${rule.meta.id}" is registered twice`);
      if (typeof rule.create !== 'function') throw new RuleMetadataError(`Rule "${rule.meta.id}": create is not a function`);
      this.byId.set(rule.meta.id, rule);
    }
  }

  all(): Rule[] {
    return [...this.byId.values()];
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}
