// constable-states (gas): a state variable initialised with a compile-time constant and never written.

import type { ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isCompileTimeConstant } from '../analysis/constantExpressions';
import { insertAfterType, isConstantName, storageLayoutIsFrozen, storageVariables } from '../analysis/stateVariableCandidates';
import { stateVariableUsage } from '../analysis/stateVariableUsage';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'constable-states',
    title: 'State variable could be constant',
    severity: 'gas',
    confidence: 'high',
    category: 'gas',
    scope: 'hierarchy',
    swc: [],
    description:
      'The variable is initialised with a compile-time constant and nothing in the contract or the contracts deriving from it writes it. As storage it costs a slot and a 2100-gas cold read each transaction; as `constant` the value is inlined into the bytecode.',
    exploitScenario: 'None: this costs gas, it is not exploitable.',
    recommendation:
      'Declare it `constant` (and, by convention, rename it in UPPER_CASE). Not reported for contracts behind a proxy, where removing the slot would shift the storage layout.',
    references: [
      'https://github.com/crytic/slither/wiki/Detector-Documentation#state-variables-that-could-be-declared-constant',
      'https://docs.soliditylang.org/en/latest/contracts.html#constant-and-immutable-state-variables',
    ],
    messages: { default: '`{{name}}` is never written after its constant initialiser; declare it `constant`.' },
    fixable: true,
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || contract.kind === 'interface' || contract.kind === 'library') return;
        if (storageLayoutIsFrozen(context.project, contract)) return;
        const usage = stateVariableUsage(context.project, contract);
        for (const variable of storageVariables(contract)) {
          // `constant` only takes value types, strings and bytes; arrays, mappings and structs stay in storage.
          if (variable.typeName?.type !== 'ElementaryTypeName') continue;
          if (!isCompileTimeConstant(variable.expression, (name) => isConstantName(contract, name))) continue;
          const used = usage.get(variable);
          if (!used || used.writes.length > 0 || used.inAssembly) continue;
          context.report({
            node: variable.identifier ?? variable,
            messageId: 'default',
            data: { name: variable.name ?? '' },
            fix: { description: `Declare \`${variable.name}\` constant`, edits: (fixer) => insertAfterType(fixer, variable, 'constant') },
          });
        }
      },
    };
  },
});
