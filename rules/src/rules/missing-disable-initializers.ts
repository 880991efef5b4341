// missing-disable-initializers: an Initializable implementation whose constructor does not lock initializers.

import type { ContractDefinition, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { constructors, inheritsNamed, initializerFunctions, runsForeignCode, runsOnlyThroughDelegatecall } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'missing-disable-initializers',
    title: 'Implementation does not disable its initializers',
    severity: 'medium',
    confidence: 'high',
    category: 'upgradeability',
    scope: 'contract',
    swc: ['SWC-118'],
    description:
      'The implementation contract behind a proxy is itself a deployed contract. Unless its constructor calls `_disableInitializers()`, anyone can call `initialize` on it directly and become its owner.\n\nInitializers that revert unless reached through delegatecall (`onlyProxy`, `onlyDelegated`) are not reported. The finding is Medium when owning the implementation lets the owner run code on it (UUPS upgrades, `delegatecall`, `selfdestruct`), and Low otherwise: the owner then controls only the implementation\'s own, unused storage.',
    exploitScenario:
      'The attacker initialises the implementation and, as its owner, calls `upgradeToAndCall` on it with a contract that self-destructs (UUPS, before EIP-6780), bricking every proxy that points at it, or uses the ownership to phish.',
    recommendation: 'Add `constructor() { _disableInitializers(); }` to the implementation (OpenZeppelin marks it `/// @custom:oz-upgrades-unsafe-allow constructor`).',
    references: ['https://docs.openzeppelin.com/contracts/5.x/api/proxy#Initializable-_disableInitializers--'],
    messages: { default: '`{{contract}}` has initializer `{{fn}}` but no constructor calls `_disableInitializers()`.' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        // Abstract contracts are bases: the deployable contract that inherits them is judged instead.
        if (!contract || node.kind !== 'contract' || !inheritsNamed(contract, 'Initializable')) return;
        const initializers = initializerFunctions(contract);
        if (initializers.length === 0) return;
        const disables = constructors(contract).some((c) => findAll(c.body ?? c, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === '_disableInitializers').length > 0);
        if (disables) return;
        // Skip `XUpgradeable` contracts that are not UUPS implementations: by OpenZeppelin's convention they are
        // reusable bases, and the final implementation that inherits them is the one to lock.
        if (node.name.endsWith('Upgradeable') && !inheritsNamed(contract, 'UUPSUpgradeable')) return;
        // Initializers that revert unless reached through delegatecall (`onlyProxy`, `onlyDelegated`) cannot be
        // called on the implementation itself, which is all `_disableInitializers()` would prevent.
        const open = initializers.filter((fn) => !runsOnlyThroughDelegatecall(fn, contract));
        if (open.length === 0) return;
        // Owning the implementation matters when it can upgrade itself or run code that destroys or replaces it
        // (UUPS, delegatecall, selfdestruct); otherwise the new owner controls only the implementation's own,
        // unused storage.
        const severity = inheritsNamed(contract, 'UUPSUpgradeable') || runsForeignCode(contract) ? undefined : 'low';
        context.report({ node, messageId: 'default', data: { contract: node.name, fn: open[0].name ?? 'initialize' }, severity });
      },
    };
  },
});
