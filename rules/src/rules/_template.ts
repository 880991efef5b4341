// Template for a new rule. Copy to `rules/src/rules/<rule-id>.ts` and follow the steps:
//   1. Pick the id: kebab-case naming the hazard, Slither's detector name when the bug class is the same.
//   2. Fill every `meta` field; medium severity and above need an exploit scenario (checked at load).
//   3. Write the visitor: keys are @solidity-parser/parser node types, `'<Type>:exit'` for post-order.
//      Reuse `../analysis/*` for calls, state access, taint and access control instead of walking by hand.
//   4. Comment every false-positive guard with the reason ("Skip X: that is Y, not Z.").
//   5. Add `test-fixtures/rules/<rule-id>.sol` with flagged lines annotated `// expect: <rule-id>` and
//      look-alikes that must stay silent, then the one line in `rules/src/rules/index.ts` (keep it sorted).
//   6. Set `scope` (see RuleMeta in ../engine/ruleApi.ts) to the narrowest honest answer, or leave it out:
//      'function' when a finding reads only its own function, 'reachable' when it also follows internal calls
//      and modifiers, 'contract' when it reads other functions of the contract or its bases. Unset re-runs the
//      rule over the whole file on every keystroke in the editor.
//   7. Run `npm test`; the fixture runner names any false positive or negative, and the finding-reuse test
//      any scope that claims too little.
// This file is not registered: it only shows the shape.

import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'rule-id',
    title: 'What is wrong, in a few words',
    severity: 'medium',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'function',
    swc: [],
    description: 'What the code does and why that is a problem.',
    exploitScenario: 'How an attacker turns it into a loss, step by step.',
    recommendation: 'What to write instead.',
    references: [],
    messages: { default: 'Message shown on the flagged code, with {{placeholders}} from `data`.' },
  },
  create(context) {
    return {
      FunctionDefinition(node) {
        if (node.name === 'example') context.report({ node, messageId: 'default', data: { placeholders: 'values' } });
      },
    };
  },
});
