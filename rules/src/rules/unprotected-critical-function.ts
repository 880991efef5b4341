// unprotected-critical-function: a function anyone can call changes ownership, roles, the implementation,
// the pause switch or other privileged settings, or mints, with no caller check at all.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled, isInitializerGuarded } from '../analysis/accessControl';
import { addModifierFix } from '../analysis/addModifierFix';
import { isAdminFacet } from '../analysis/adminFacet';
import { executionEvents } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isStateChangingEntryPoint, relatedEvent } from '../analysis/entryPoints';
import { privilegedEffect } from '../analysis/privilegedEffects';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'unprotected-critical-function',
    title: 'Privileged action without access control',
    severity: 'high',
    confidence: 'medium',
    category: 'access-control',
    scope: 'reachable',
    swc: ['SWC-105', 'SWC-106'],
    description:
      'A public or external function changes who controls the contract (owner, admin, roles), its code (implementation), its pause switch or other privileged settings, or mints tokens for free, and nothing checks `msg.sender`.',
    exploitScenario:
      '`setOwner(address)` forgot `onlyOwner`. The attacker calls `setOwner(attacker)`, then every owner-only function (withdraw, upgrade, mint) is theirs.',
    recommendation: 'Add the access-control modifier the rest of the contract uses (`onlyOwner`, `onlyRole(...)`), or a `require(msg.sender == ...)` check.',
    references: ['https://swcregistry.io/docs/SWC-105', 'https://github.com/crytic/slither/wiki/Detector-Documentation#unprotected-upgradeable-contract'],
    messages: {
      default: 'Anyone can call `{{fn}}`, which {{effect}}: no caller check guards it.',
      facet:
        '`{{fn}}` {{effect}} with no caller check, like every privileged function of `{{contract}}`: an admin facet relies on the proxy that dispatches to it to admit only the admin. Check that it does.',
    },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        // Initializers are judged by unprotected-initializer.
        if (/^init/i.test(fn.name ?? '') || isInitializerGuarded(fn, contract, context.project)) return;
        const effect = privilegedEffect(executionEvents(fn, contract, context.project), fn, scopeOf(context, fn));
        if (!effect || isAccessControlled(fn, contract, context.project)) return;
        // An admin facet's guard lives in its proxy, out of sight: less certain, so never published as High.
        const facet = isAdminFacet(contract, context.project);
        context.report({
          node: anchorOf(effect.event),
          messageId: facet ? 'facet' : 'default',
          data: { fn: fn.name ?? 'fallback', effect: effect.description, contract: contract.name },
          confidence: facet ? 'low' : undefined,
          related: [relatedEvent(effect.event, 'privileged effect')],
          // Skip receive and fallback: restricting them to the owner would also refuse every plain payment or proxied call.
          fix: fn.isReceiveEther || fn.isFallback ? undefined : addModifierFix(context.file.text, fn, contract, 'onlyOwner'),
        });
      },
    };
  },
});
