// unprotected-initializer: an `initialize` function of an upgradeable contract that anyone can call again.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { senderCheck } from '../analysis/accessControl';
import { executionEvents } from '../analysis/effects';
import { isAnalysedContract, isStateChangingEntryPoint } from '../analysis/entryPoints';
import { privilegedEffect } from '../analysis/privilegedEffects';
import { constructors, looksUpgradeable, runsOnlyOnce } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';

const INITIALIZER_NAME = /^(initialize|initialise|init)([A-Z0-9_]\w*)?$/;

export default defineRule({
  meta: {
    id: 'unprotected-initializer',
    title: 'Initializer callable by anyone, more than once',
    severity: 'high',
    confidence: 'medium',
    category: 'upgradeability',
    scope: 'reachable',
    swc: ['SWC-118'],
    description:
      'Upgradeable contracts replace the constructor with an `initialize` function. Without the `initializer` modifier (or an equivalent one-time flag) and without a caller check, anyone can call it, again and again, and set the owner and parameters.',
    exploitScenario:
      'The proxy is deployed and initialised in two transactions, or the implementation itself is never initialised. The attacker calls `initialize(attacker)` first, becomes owner, and upgrades the proxy to a contract that drains it.',
    recommendation: 'Mark the function `initializer` (OpenZeppelin `Initializable`), call it atomically with the proxy deployment, and call `_disableInitializers()` in the implementation\'s constructor.',
    references: ['https://docs.openzeppelin.com/upgrades-plugins/writing-upgradeable#initializers', 'https://github.com/crytic/slither/wiki/Detector-Documentation#unprotected-upgradeable-contract'],
    messages: { default: '`{{fn}}` initialises an upgradeable contract but has no `initializer` guard or caller check.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn) || !INITIALIZER_NAME.test(fn.name ?? '')) return;
        // A contract with no constructor whose `init…` function installs its owner is meant to run behind a proxy
        // or a delegatecall (Parity's WalletLibrary): the same first-caller-wins hazard as an upgradeable one.
        // Skip other `init` functions of plain contracts: they are some other set-up step.
        if (!looksUpgradeable(contract) && !(constructors(contract).length === 0 && installsOwner(fn, contract, context.project))) return;
        if (runsOnlyOnce(fn, contract, context.project) || senderCheck(fn, contract, context.project)) return;
        context.report({ node: fn, messageId: 'default', data: { fn: fn.name ?? '' } });
      },
    };
  },
});

function installsOwner(fn: FunctionDefinition, contract: Parameters<typeof executionEvents>[1], project: Parameters<typeof executionEvents>[2]): boolean {
  return privilegedEffect(executionEvents(fn, contract, project), fn)?.kind === 'ownership';
}
