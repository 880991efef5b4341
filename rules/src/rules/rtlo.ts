// rtlo: a Unicode bidirectional control character (U+202E right-to-left override and its kin) in the source,
// which makes an editor display code in a different order than the compiler reads it.

import type { SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { rangeNode } from '../analysis/rangeNode';
import { defineRule } from '../engine/ruleApi';

/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): each reorders the text after it. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

const NAMES: Record<string, string> = {
  '\u202A': 'U+202A left-to-right embedding',
  '\u202B': 'U+202B right-to-left embedding',
  '\u202C': 'U+202C pop directional formatting',
  '\u202D': 'U+202D left-to-right override',
  '\u202E': 'U+202E right-to-left override',
  '\u2066': 'U+2066 left-to-right isolate',
  '\u2067': 'U+2067 right-to-left isolate',
  '\u2068': 'U+2068 first strong isolate',
  '\u2069': 'U+2069 pop directional isolate',
};

export default defineRule({
  meta: {
    id: 'rtlo',
    title: 'Right-to-left override character',
    severity: 'high',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    readsComments: true,
    swc: ['SWC-130'],
    description:
      'Unicode bidirectional control characters such as U+202E (right-to-left override) are invisible, and they make editors and code review tools display the following characters in reverse order. What a reviewer reads is then not what the compiler compiles.',
    exploitScenario:
      'A contract author hides `/*\u202E } ;)1(reffus :tnuoma/*/` inside a comment so that the call reads as harmless in review while the compiler sees the arguments in the opposite order, sending the fee to the author instead of the user.',
    recommendation: 'Delete the control character. Solidity code never needs bidirectional overrides; write right-to-left text in string literals with escapes if it is truly needed.',
    references: ['https://swcregistry.io/docs/SWC-130', 'https://github.com/crytic/slither/wiki/Detector-Documentation#right-to-left-override-character'],
    messages: { default: 'Invisible {{character}} character reorders how this line is displayed.' },
    fixable: true,
  },
  create(context) {
    return {
      SourceUnit(_unit: SourceUnit) {
        for (const match of context.file.text.matchAll(BIDI_CONTROL)) {
          const start = match.index ?? 0;
          const node = rangeNode(start, start + 1);
          context.report({
            node,
            messageId: 'default',
            data: { character: NAMES[match[0]] ?? 'bidirectional control' },
            fix: { description: 'Delete the control character', edits: (fixer) => fixer.replaceRange(start, start + 1, '') },
          });
        }
      },
    };
  },
});
