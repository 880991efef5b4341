// shadowing-state: a state variable declared again in a derived contract under a base's state variable name,
// across files through the C3 linearization. Two slots then hold "the same" variable, and each contract's
// code reads its own copy.

import type { ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'shadowing-state',
    title: 'State variable shadows a base contract variable',
    severity: 'high',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    swc: ['SWC-119'],
    description:
      'Before Solidity 0.6 a derived contract may declare a state variable with the same name as one in a base contract. That creates a second, independent variable: functions written in the base read and write the base copy, functions in the derived contract the new one.',
    exploitScenario:
      'A base `Ownable` checks `msg.sender == owner` in `onlyOwner`. The derived token declares its own `address public owner` and sets it in its constructor. The base copy stays `address(0)`, so every `onlyOwner` function is unusable; or, the other way round, the derived copy is never set and the deployer believes the wrong account is in control.',
    recommendation: 'Remove the duplicate declaration and use (or set) the base variable. Compile with Solidity 0.6 or later, where shadowing a state variable is an error.',
    references: ['https://swcregistry.io/docs/SWC-119', 'https://github.com/crytic/slither/wiki/Detector-Documentation#state-variable-shadowing'],
    messages: { default: '`{{name}}` shadows the state variable `{{base}}.{{name}}`; the base contract\'s code keeps using its own copy.' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract) return;
        for (const variable of contract.ownStateVariables()) {
          for (const base of contract.linearization.slice(1)) {
            // Skip private base variables: derived code could never see them, so the name is merely reused
            // (OpenZeppelin's `EIP712._name` and `Governor._name`); each contract uses its own as intended.
            const shadowed = base.ownStateVariables().find((v) => v.name === variable.name && v.visibility !== 'private');
            if (!shadowed) continue;
            context.report({
              node: variable,
              messageId: 'default',
              data: { name: variable.name ?? '', base: base.name },
              related: [{ node: shadowed, message: `The shadowed declaration in \`${base.name}\`.`, file: base.file }],
            });
            break;
          }
        }
      },
    };
  },
});
