// shadowing-local: a parameter or local variable named like a state variable of the contract or one of its
// bases, so every use of the name inside the function reads the local instead of storage.

import type { FunctionDefinition, ModifierDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'shadowing-local',
    title: 'Local variable shadows a state variable',
    severity: 'low',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    swc: ['SWC-119'],
    description:
      'A parameter or local variable with the name of a state variable hides that state variable inside the function. Code that looks like it reads or updates storage works on the local copy instead, and the storage value silently keeps its old content.',
    exploitScenario:
      'A token declares `uint256 totalSupply;` and `function mint(address to, uint256 totalSupply)`. The author writes `totalSupply += amount;` expecting the supply to grow; only the parameter changes, the stored supply stays put, and every share price computed from it is wrong.',
    recommendation: 'Rename the local (a trailing underscore, `totalSupply_`, is the usual convention) so the state variable stays reachable by its own name.',
    references: ['https://swcregistry.io/docs/SWC-119', 'https://github.com/crytic/slither/wiki/Detector-Documentation#local-variable-shadowing'],
    messages: { default: '`{{name}}` shadows the state variable `{{owner}}.{{name}}`.' },
  },
  create(context) {
    const check = (callable: FunctionDefinition | ModifierDefinition) => {
      const contract = context.contract();
      // Skip declarations without a body (interfaces, abstract functions): nothing inside can be misread.
      if (!contract || !callable.body) return;
      const returns = callable.type === 'FunctionDefinition' ? (callable.returnParameters ?? []) : [];
      const declarations = [...(callable.parameters ?? []), ...returns, ...findAll(callable.body, (n): n is VariableDeclaration => n.type === 'VariableDeclaration')];
      for (const declaration of declarations) {
        if (!declaration.name) continue;
        const state: ReturnType<typeof contract.stateVariable> = contract.stateVariable(declaration.name);
        // Skip a base's private variable: the derived contract cannot name it, so nothing is hidden.
        if (!state || (state.owner !== contract && state.node.visibility === 'private')) continue;
        context.report({ node: declaration, messageId: 'default', data: { name: declaration.name, owner: state.owner.name } });
      }
    };
    return {
      FunctionDefinition: check,
      ModifierDefinition: check,
    };
  },
});
