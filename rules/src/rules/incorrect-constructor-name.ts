// incorrect-constructor-name: before Solidity 0.5 a constructor was the function named exactly like the
// contract; a function whose name differs only in case (`function owned()` in `contract Owned`) is instead
// a public function anyone can call to re-run the initialisation.

import type { ContractDefinition, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { functionNameNode } from '../analysis/rangeNode';
import { defineRule } from '../engine/ruleApi';
import { mayCompileBelow } from '../parse/pragma';

export default defineRule({
  meta: {
    id: 'incorrect-constructor-name',
    title: 'Constructor name does not match the contract',
    severity: 'high',
    confidence: 'high',
    category: 'access-control',
    scope: 'function',
    readsCompilerVersion: true,
    swc: ['SWC-118'],
    description:
      'Before Solidity 0.4.22 the constructor was the function with exactly the contract\'s name. A function whose name matches only up to letter case is not a constructor: it never runs at deployment, and being public by default it lets anyone run the initialisation (typically `owner = msg.sender`) later.',
    exploitScenario:
      'Rubixi was renamed from DynamicPyramid but kept `function DynamicPyramid()`; in the same way `contract Missing { function missing() public { owner = msg.sender; } }` lets any caller make themselves owner and withdraw the balance.',
    recommendation: 'Use the `constructor` keyword (Solidity 0.4.22 and later), which cannot drift from the contract name.',
    references: ['https://swcregistry.io/docs/SWC-118'],
    messages: { default: '`{{name}}` differs from contract `{{contract}}` only in letter case: it is a callable function, not the constructor.' },
  },
  create(context) {
    // From 0.5.0 on a function may not be named after its contract, so only older sources can hold this mistake.
    if (!mayCompileBelow(context.file.pragma, '0.5.0')) return {};
    return {
      ContractDefinition(contract: ContractDefinition) {
        if (contract.kind !== 'contract') return;
        for (const node of contract.subNodes) {
          if (node.type !== 'FunctionDefinition') continue;
          const fn = node as FunctionDefinition;
          if (fn.isConstructor || !fn.name || fn.name === contract.name) continue;
          if (fn.name.toLowerCase() !== contract.name.toLowerCase()) continue;
          context.report({ node: functionNameNode(context.file.text, fn), messageId: 'default', data: { name: fn.name, contract: contract.name } });
        }
      },
    };
  },
});
