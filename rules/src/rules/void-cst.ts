// void-cst: a constructor that "calls" the constructor of a base contract that has none (`constructor() Base() {}`),
// which does nothing, so whatever initialisation the author expected from the base never happens.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'void-cst',
    title: 'Call to a base constructor that does not exist',
    severity: 'low',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    swc: [],
    description:
      'A constructor lists a base contract with empty parentheses (`constructor() Base() {}`), yet `Base` declares no constructor. The call compiles and does nothing; usually the author expected the base to set something up (an owner, a domain separator) and nothing does.',
    exploitScenario:
      '`constructor() Ownable() {}` where the local `Ownable` copy initialises `owner` in an `init()` function instead of a constructor: `owner` stays zero, and the first caller of `init()` takes ownership.',
    recommendation: 'Remove the empty base call, and check that the base is initialised the way you expect (a constructor in the base, or an explicit initialiser call).',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#void-constructor'],
    messages: { default: '`{{base}}()` calls a constructor that `{{base}}` does not declare; it does nothing.' },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!fn.isConstructor || !contract) return;
        for (const invocation of fn.modifiers) {
          // Only empty calls: arguments would not compile against a base without a constructor.
          if (invocation.arguments && invocation.arguments.length > 0) continue;
          const base = contract.linearization.find((c) => c !== contract && c.name === invocation.name);
          if (!base) continue;
          const hasConstructor = base.ownFunctions().some((f) => f.isConstructor || f.name === base.name);
          if (hasConstructor) continue;
          context.report({
            node: invocation,
            messageId: 'default',
            data: { base: invocation.name },
            fix: { description: `Remove \`${invocation.name}()\``, edits: (fixer) => fixer.remove(invocation) },
          });
        }
      },
    };
  },
});
