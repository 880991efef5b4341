// centralization-risk: one account can upgrade, mint, pause, reconfigure or move the contract's funds.

import type { ContractDefinition, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { senderCheck } from '../analysis/accessControl';
import { executionEvents } from '../analysis/effects';
import { isStateChangingEntryPoint } from '../analysis/entryPoints';
import { privilegedEffect } from '../analysis/privilegedEffects';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { defineRule } from '../engine/ruleApi';

/** Settings whose holder can move prices or freeze users: an oracle swap, a pause switch. */
const POWER_SETTING = /^_?(paused|oracle|priceFeed)$/i;
/** Lists that can freeze or exclude users. */
const FREEZE_LIST = /^_?(blacklist|blacklisted|denylist|frozen|isBlacklisted|isFrozen)$/i;

/**
 * What a restricted function lets one account do to every user: upgrade the code, mint, pause, swap the
 * oracle or freeze accounts. Routine administration (fees, treasury, withdrawing the contract's own ETH) and
 * handing over control (the mechanism itself) are left out to keep this list short.
 */
function power(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): string | undefined {
  const events = executionEvents(fn, contract, project);
  const effect = privilegedEffect(events, fn);
  if (effect?.kind === 'upgrade') return 'upgrade the code';
  if (effect?.kind === 'mint') return 'mint';
  for (const event of events) {
    if (event.kind !== 'state-write' || !event.variable) continue;
    const name = event.variable.name.slice(event.variable.name.lastIndexOf('.') + 1);
    if (POWER_SETTING.test(name)) return /paused/i.test(name) ? 'pause' : 'replace the oracle';
    if (FREEZE_LIST.test(name)) return 'freeze accounts';
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'centralization-risk',
    title: 'Privileged account controls critical functions',
    severity: 'informational',
    confidence: 'medium',
    category: 'access-control',
    scope: 'contract',
    swc: [],
    description:
      'Functions restricted to an owner or role can upgrade the code, mint, pause, replace the price oracle or freeze accounts. Users must trust whoever holds that key; if it is one EOA, one leaked key is enough.',
    exploitScenario:
      'The owner key is phished. The attacker mints unlimited tokens with the owner-only `mint` and sells them into every pool; nothing on-chain slows them down.',
    recommendation: 'Hold privileged roles in a multisig behind a timelock, split roles by power, and document what each role can do.',
    references: ['https://docs.openzeppelin.com/contracts/5.x/access-control'],
    messages: { default: 'In `{{contract}}` a privileged account can {{powers}} ({{functions}}).' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || node.kind === 'interface' || node.kind === 'library') return;
        const found: { name: string; power: string }[] = [];
        for (const fn of contract.ownFunctions()) {
          if (!isStateChangingEntryPoint(fn) || !senderCheck(fn, contract, context.project, { followCalls: false })) continue;
          const what = power(fn, contract, context.project);
          if (what) found.push({ name: fn.name ?? 'fallback', power: what });
        }
        if (found.length === 0) return;
        const powers = [...new Set(found.map((f) => f.power))].join(', ');
        const functions = found.slice(0, 5).map((f) => `\`${f.name}\``).join(', ') + (found.length > 5 ? `, +${found.length - 5} more` : '');
        context.report({ node, messageId: 'default', data: { contract: node.name, powers, functions } });
      },
    };
  },
});
