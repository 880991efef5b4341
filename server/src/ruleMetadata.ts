// Rule metadata by id, for hovers and code actions: the registry's rules plus the engine's own findings.

import { ENGINE_RULES, defaultRegistry, type RuleMeta } from 'sol-audit-rules';

let byId: Map<string, RuleMeta> | undefined;

export function ruleMeta(ruleId: string): RuleMeta | undefined {
  byId ??= new Map([...defaultRegistry().all().map((r): [string, RuleMeta] => [r.meta.id, r.meta]), ...ENGINE_RULES.map((m): [string, RuleMeta] => [m.id, m])]);
  return byId.get(ruleId);
}
