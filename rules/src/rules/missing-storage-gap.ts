// missing-storage-gap: an upgradeable base contract with state variables and no `__gap` reserve, so adding a
// variable in a later version shifts the storage of every contract that inherits it.

import type { ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { looksUpgradeable } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'missing-storage-gap',
    title: 'Upgradeable base contract without a storage gap',
    severity: 'low',
    confidence: 'medium',
    category: 'upgradeability',
    scope: 'function',
    swc: ['SWC-124'],
    description:
      'Storage slots of an inheritance chain are laid out base first. A base contract of an upgradeable system that declares state variables without a trailing `uint256[N] private __gap` (or ERC-7201 namespaced storage) cannot gain variables in an upgrade without shifting every child\'s variables.',
    exploitScenario:
      'Version 2 adds `uint256 fee` to the base; the child\'s `owner` slot now reads the old `fee` slot, and after the upgrade a zero-initialised or attacker-chosen value sits where the owner used to be.',
    recommendation: 'End the base contract with `uint256[50] private __gap;` (shrinking it as variables are added), or move its state into an ERC-7201 namespaced struct.',
    references: ['https://docs.openzeppelin.com/upgrades-plugins/writing-upgradeable#storage-gaps'],
    messages: { default: 'Upgradeable base `{{contract}}` declares {{count}} state variable(s) but no `__gap`.' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || node.kind === 'interface' || node.kind === 'library' || !looksUpgradeable(contract)) return;
        // Skip `Initializable` itself: its one flag slot is fixed by design and never grows.
        if (node.name === 'Initializable') return;
        // Only bases matter: an abstract contract, or one that another contract in the project inherits.
        const isBase = node.kind === 'abstract' || context.project.files().some((f) => context.project.contractsIn(f.path).some((c) => c.directBases.includes(contract)));
        if (!isBase) return;
        const variables = contract.ownStateVariables().filter((v) => !v.isDeclaredConst && !v.isImmutable && !v.isTransient);
        if (variables.length === 0 || variables.some((v) => /^_{1,2}gap/.test(v.name ?? ''))) return;
        context.report({ node, messageId: 'default', data: { contract: node.name, count: variables.length } });
      },
    };
  },
});
