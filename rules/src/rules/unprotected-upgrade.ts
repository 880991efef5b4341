// unprotected-upgrade: a UUPS implementation whose `_authorizeUpgrade` lets anyone upgrade.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { addModifierFix } from '../analysis/addModifierFix';
import { isAdminFacet } from '../analysis/adminFacet';
import { isAnalysedContract } from '../analysis/entryPoints';
import { inheritsNamed } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'unprotected-upgrade',
    title: 'UUPS upgrade authorisation without access control',
    severity: 'high',
    confidence: 'high',
    category: 'upgradeability',
    scope: 'reachable',
    swc: ['SWC-105'],
    description:
      'In UUPS proxies the implementation decides who may upgrade, through `_authorizeUpgrade`. An override that checks nothing lets anyone call `upgradeToAndCall` and replace the code.',
    exploitScenario:
      'The attacker calls `upgradeToAndCall(attackerImplementation, data)` on the proxy; `_authorizeUpgrade` does not revert, the proxy now runs the attacker\'s code and everything it holds is gone.',
    recommendation: 'Guard the override: `function _authorizeUpgrade(address) internal override onlyOwner {}` (or `onlyRole(UPGRADER_ROLE)`).',
    references: ['https://docs.openzeppelin.com/contracts/5.x/api/proxy#UUPSUpgradeable-_authorizeUpgrade-address-'],
    messages: {
      default: '`_authorizeUpgrade` checks no caller: anyone can upgrade `{{contract}}`.',
      facet:
        '`_authorizeUpgrade` checks no caller, like every privileged function of `{{contract}}`: an admin facet relies on the proxy that dispatches to it to admit only the admin. Check that it does.',
    },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || fn.name !== '_authorizeUpgrade' || !fn.body) return;
        if (!inheritsNamed(contract, 'UUPSUpgradeable')) return;
        if (isAccessControlled(fn, contract, context.project)) return;
        // An admin facet's guard lives in its proxy, out of sight: less certain, so never published as High.
        const facet = isAdminFacet(contract, context.project);
        context.report({
          node: fn,
          messageId: facet ? 'facet' : 'default',
          data: { contract: contract.name },
          confidence: facet ? 'low' : undefined,
          fix: addModifierFix(context.file.text, fn, contract, 'onlyOwner'),
        });
      },
    };
  },
});
