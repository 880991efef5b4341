// unprotected-critical-function: a function anyone can call changes ownership, roles, the implementation,
// the pause switch or other privileged settings, or mints, with no caller check at all.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled, isInitializerGuarded } from '../analysis/accessControl';
import { isMemberOf } from '../analysis/astQueries';
import { executionEvents, type ExecutionEvent } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isStateChangingEntryPoint, relatedEvent } from '../analysis/entryPoints';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** Single privileged settings: whoever or whatever they name controls the contract. */
const CRITICAL_SETTING = /^_?(owner|pendingOwner|admin|pendingAdmin|implementation|governance|governor|guardian|paused|operator|minter|treasury|feeRecipient|feeTo|oracle|priceFeed|signer|manager|controller|keeper|timelock|beacon)$/i;
/** Privilege lists: who holds a role. */
const ROLE_MAPPING = /^_?(roles|admins|isAdmin|minters|isMinter|operators|isOperator|authorized|authorised|whitelist|whitelisted|blacklist|blacklisted|allowlist|denylist|guardians|keepers|wards)$/i;
/** Internal functions that replace the code or the admin of a proxy. */
const UPGRADE_FUNCTION = /^_?(upgradeTo|upgradeToAndCall|upgradeToAndCallUUPS|setImplementation|upgradeBeaconToAndCall|setBeacon|changeAdmin|setAdmin)$/;
const MINT_FUNCTION = /^_?(mint|safeMint|mintTo)$/;

interface PrivilegedEffect {
  event: ExecutionEvent;
  description: string;
}

function privilegedEffect(events: readonly ExecutionEvent[], fn: FunctionDefinition): PrivilegedEffect | undefined {
  for (const event of events) {
    const upgrade = event.via.find((step) => UPGRADE_FUNCTION.test(step.callee.type === 'FunctionDefinition' ? (step.callee.name ?? '') : ''));
    if (upgrade) return { event, description: 'upgrades the implementation or admin' };
    if (event.kind !== 'state-write' || !event.variable) continue;
    const name = event.variable.name.slice(event.variable.name.lastIndexOf('.') + 1);
    const isMapping = event.variable.declaration?.typeName?.type === 'Mapping';
    if (!isMapping && CRITICAL_SETTING.test(name)) return { event, description: `writes \`${name}\`` };
    if (isMapping && ROLE_MAPPING.test(name)) return { event, description: `grants or revokes \`${name}\`` };
  }
  // Minting is privileged only when nothing is paid for it: no external call (a deposit) and no ETH.
  const paid = fn.stateMutability === 'payable' || events.some((e) => e.kind === 'external-call') || findAll(fn.body ?? fn, (n) => isMemberOf(n, 'msg', 'value')).length > 0;
  if (paid) return undefined;
  const mint = events.find((e) => e.via.some((step) => step.callee.type === 'FunctionDefinition' && MINT_FUNCTION.test(step.callee.name ?? '')));
  return mint ? { event: mint, description: 'mints tokens' } : undefined;
}

export default defineRule({
  meta: {
    id: 'unprotected-critical-function',
    title: 'Privileged action without access control',
    severity: 'high',
    confidence: 'medium',
    category: 'access-control',
    swc: ['SWC-105', 'SWC-106'],
    description:
      'A public or external function changes who controls the contract (owner, admin, roles), its code (implementation), its pause switch or other privileged settings, or mints tokens for free, and nothing checks `msg.sender`.',
    exploitScenario:
      '`setOwner(address)` forgot `onlyOwner`. The attacker calls `setOwner(attacker)`, then every owner-only function (withdraw, upgrade, mint) is theirs.',
    recommendation: 'Add the access-control modifier the rest of the contract uses (`onlyOwner`, `onlyRole(...)`), or a `require(msg.sender == ...)` check.',
    references: ['https://swcregistry.io/docs/SWC-105', 'https://github.com/crytic/slither/wiki/Detector-Documentation#unprotected-upgradeable-contract'],
    messages: { default: 'Anyone can call `{{fn}}`, which {{effect}}: no caller check guards it.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        // Initializers are judged by unprotected-initializer.
        if (/^init/i.test(fn.name ?? '') || isInitializerGuarded(fn, contract, context.project)) return;
        const effect = privilegedEffect(executionEvents(fn, contract, context.project), fn);
        if (!effect || isAccessControlled(fn, contract, context.project)) return;
        context.report({
          node: anchorOf(effect.event),
          messageId: 'default',
          data: { fn: fn.name ?? 'fallback', effect: effect.description },
          related: [relatedEvent(effect.event, 'privileged effect')],
        });
      },
    };
  },
});
