// dead-code: an internal or private function that nothing in the contract hierarchy calls or references.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { internallyReferencedNames } from '../analysis/internalReferences';
import { functionNameNode } from '../analysis/rangeNode';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'dead-code',
    title: 'Unused internal function',
    severity: 'informational',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'hierarchy',
    swc: [],
    description:
      'The function is internal or private and nothing in the contract or in the contracts deriving from it calls it. Dead code adds review surface and often marks a check that was meant to be wired in (an access check, a validation) but never was.',
    exploitScenario:
      'A `_checkPriceDeviation` helper was written to reject manipulated oracle prices but never called from `liquidate`; reviewers see the check in the file and assume liquidations are protected.',
    recommendation:
      'Call the function where it was meant to be used, or delete it. Internal functions of libraries, abstract contracts and contracts with virtual functions (built to be extended), and virtual or overriding functions, are not reported: they exist for other code.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#dead-code'],
    messages: { default: '`{{name}}` is never used.' },
    tags: ['unnecessary'],
  },
  create(context) {
    return {
      FunctionDefinition(node: FunctionDefinition) {
        if (node.visibility !== 'internal' && node.visibility !== 'private') return;
        if (!node.name || node.isConstructor || node.isVirtual || node.override !== null) return;
        const contract = context.contract();
        // Skip free functions: any file importing this one may call them.
        if (!contract || contract.kind === 'interface') return;
        // Skip internal functions of libraries, abstract contracts and contracts with virtual functions: those
        // are built to be extended, and their internal functions are an API for code outside this project.
        if (node.visibility === 'internal' && (contract.kind === 'library' || contract.kind === 'abstract' || contract.ownFunctions().some((f) => f.isVirtual))) return;
        if (internallyReferencedNames(context.project, contract).has(node.name)) return;
        context.report({ node: functionNameNode(context.file.text, node), messageId: 'default', data: { name: node.name } });
      },
    };
  },
});
