// unused-state: a private or internal state variable that nothing in the contract hierarchy reads or writes.

import type { ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { storageLayoutIsFrozen, storageVariables } from '../analysis/stateVariableCandidates';
import { stateVariableUsage } from '../analysis/stateVariableUsage';
import { defineRule } from '../engine/ruleApi';

/** Names that hold a storage position on purpose: upgrade gaps and retired slots kept for layout. */
const PLACEHOLDER_NAME = /gap|deprecated|reserved|unused/i;
/** Comments that say the same: `// Deprecated. Kept to preserve the storage layout`. */
const PLACEHOLDER_COMMENT = /deprecated|storage layout|legacy slot/i;

/** The comments and blank lines between the previous declaration or brace and `offset`. */
function leadingComment(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const previousCode = Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}'));
  return before.slice(previousCode + 1);
}

export default defineRule({
  meta: {
    id: 'unused-state',
    title: 'Unused state variable',
    severity: 'informational',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'hierarchy',
    swc: ['SWC-131'],
    description:
      'Nothing in the contract or in the contracts deriving from it reads or writes this variable. It takes a storage slot, makes the layout harder to follow, and often means a feature was left half-implemented (a limit that is never enforced, a fee that is never charged).',
    exploitScenario:
      'A `maxWithdrawal` variable is declared and set in the docs but never checked; reviewers assume the limit exists, and a compromised key drains the whole balance in one call.',
    recommendation:
      'Delete the variable, or add the code that was meant to use it. Public variables (they have a getter), internal variables of abstract contracts (meant for inheritors) and contracts behind a proxy (the slot keeps the layout) are not reported.',
    references: [
      'https://swcregistry.io/docs/SWC-131',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#unused-state-variable',
    ],
    messages: { default: 'State variable `{{name}}` is never used.' },
    tags: ['unnecessary'],
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || contract.kind === 'interface' || contract.kind === 'library') return;
        if (storageLayoutIsFrozen(context.project, contract)) return;
        const usage = stateVariableUsage(context.project, contract);
        for (const variable of storageVariables(contract)) {
          if (variable.visibility === 'public' || !variable.name || PLACEHOLDER_NAME.test(variable.name)) continue;
          if (PLACEHOLDER_COMMENT.test(leadingComment(context.file.text, variable.range?.[0] ?? 0))) continue;
          // Skip internal variables of abstract contracts: they exist for inheritors outside this project.
          if (variable.visibility !== 'private' && contract.kind === 'abstract') continue;
          const used = usage.get(variable);
          if (!used || used.reads.length > 0 || used.writes.length > 0 || used.inAssembly) continue;
          context.report({ node: variable.identifier ?? variable, messageId: 'default', data: { name: variable.name } });
        }
      },
    };
  },
});
