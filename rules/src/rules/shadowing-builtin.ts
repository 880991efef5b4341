// shadowing-builtin: a variable, function, modifier or event named like a Solidity builtin (`now`, `msg`,
// `require`), so code in its scope no longer reaches the builtin.

import type { BaseASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import { functionNameNode } from '../analysis/rangeNode';
import { defineRule } from '../engine/ruleApi';
import { mayCompileBelow } from '../parse/pragma';

const BUILTINS = new Set([
  'abi', 'addmod', 'assert', 'block', 'blockhash', 'blobhash', 'ecrecover', 'gasleft', 'keccak256', 'msg', 'mulmod',
  'require', 'revert', 'ripemd160', 'selfdestruct', 'sha256', 'tx',
]);
/** Builtins that later compilers removed: the name is only a shadow where the old compiler still applies. */
const REMOVED_BUILTINS = new Map([
  ['now', '0.7.0'],
  ['suicide', '0.5.0'],
  ['sha3', '0.5.0'],
]);

export default defineRule({
  meta: {
    id: 'shadowing-builtin',
    title: 'Declaration shadows a builtin',
    severity: 'low',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    readsCompilerVersion: true,
    swc: [],
    description:
      'A declaration reuses the name of a Solidity builtin (`require`, `msg`, `block`, `keccak256`, and `now` before 0.7). Inside its scope every use of the name refers to the declaration, so code that looks like a builtin call or global does something else.',
    exploitScenario:
      'A contract defines `function require(bool) internal {}` during debugging and forgets it. Every `require(msg.sender == owner)` in the contract now calls the empty function, and all access checks silently pass.',
    recommendation: 'Rename the declaration.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#builtin-symbol-shadowing'],
    messages: { default: '`{{name}}` shadows the builtin of the same name.' },
  },
  create(context) {
    const shadows = (name: string | null | undefined): name is string => {
      if (!name) return false;
      if (BUILTINS.has(name)) return true;
      const removedIn = REMOVED_BUILTINS.get(name);
      return removedIn !== undefined && mayCompileBelow(context.file.pragma, removedIn);
    };
    const report = (node: BaseASTNode, name: string): void => context.report({ node, messageId: 'default', data: { name } });
    return {
      VariableDeclaration(node) {
        if (shadows(node.name)) report(node.identifier ?? node, node.name);
      },
      FunctionDefinition(node) {
        if (shadows(node.name)) report(functionNameNode(context.file.text, node), node.name);
      },
      ModifierDefinition(node) {
        if (shadows(node.name)) report(node, node.name);
      },
      EventDefinition(node) {
        if (shadows(node.name)) report(node, node.name);
      },
    };
  },
});
