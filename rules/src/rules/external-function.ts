// external-function (gas): a public function never called internally whose array, bytes, string or struct
// parameters are copied to memory; as external it can read them straight from calldata.

import type { FunctionDefinition, TypeName, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { baseIdentifier, isAssignment } from '../analysis/astQueries';
import { internallyReferencedNames } from '../analysis/internalReferences';
import { functionNameNode } from '../analysis/rangeNode';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import { mayCompileBelow } from '../parse/pragma';
import type { TextEdit } from '../model/finding';

function isReferenceType(type: TypeName | null): boolean {
  if (!type) return false;
  if (type.type === 'ArrayTypeName' || type.type === 'UserDefinedTypeName') return true;
  return type.type === 'ElementaryTypeName' && (type.name === 'bytes' || type.name === 'string');
}

/** Parameters the body modifies (`a[i] = x`, `s.f++`, `delete a`, `a = b`): calldata is read-only, so they stay in memory. */
function writtenParameters(fn: FunctionDefinition): Set<string> {
  const written = new Set<string>();
  if (!fn.body) return written;
  for (const node of findAll(fn.body, () => true)) {
    const target =
      isAssignment(node) && node.type === 'BinaryOperation'
        ? node.left
        : node.type === 'UnaryOperation' && ['++', '--', 'delete'].includes(node.operator)
          ? node.subExpression
          : undefined;
    const name = target ? baseIdentifier(target) : undefined;
    if (name) written.add(name);
  }
  return written;
}

export default defineRule({
  meta: {
    id: 'external-function',
    title: 'Public function could be external',
    severity: 'gas',
    confidence: 'medium',
    category: 'gas',
    scope: 'hierarchy',
    readsCompilerVersion: true,
    swc: [],
    description:
      'A `public` function copies its array, `bytes`, `string` and struct arguments from calldata into memory, because internal callers pass memory. Nothing in the contract or the contracts deriving from it calls this one internally, so as `external` with `calldata` parameters it would skip the copy.',
    exploitScenario: 'None: this costs gas, it is not exploitable.',
    recommendation:
      'Declare the function `external` and its read-only reference parameters `calldata`. Virtual and overriding functions are not reported: their visibility is tied to the other declarations.',
    references: [
      'https://github.com/crytic/slither/wiki/Detector-Documentation#public-function-that-could-be-declared-external',
      'https://docs.soliditylang.org/en/latest/contracts.html#function-visibility',
    ],
    messages: { default: '`{{name}}` is public but never called internally; make it external and read {{params}} from calldata.' },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(node: FunctionDefinition) {
        if (node.visibility !== 'public' || !node.name || !node.body || node.isConstructor || node.isFallback || node.isReceiveEther) return;
        // Skip virtual and overriding functions: an override must keep (or widen to public) the visibility of the others.
        if (node.isVirtual || node.override !== null) return;
        const contract = context.contract();
        if (!contract || contract.kind === 'library' || contract.kind === 'interface') return;
        const memoryParams = node.parameters.filter((p) => p.storageLocation === 'memory' && isReferenceType(p.typeName));
        if (memoryParams.length === 0) return;
        if (internallyReferencedNames(context.project, contract).has(node.name)) return;

        const written = writtenParameters(node);
        const toCalldata = memoryParams.filter((p) => !p.name || !written.has(p.name));
        const staysInMemory = toCalldata.length < memoryParams.length;
        // External functions take memory parameters only from 0.6.9, and need explicit locations from 0.5.0.
        const canFix = !mayCompileBelow(context.file.pragma, staysInMemory ? '0.6.9' : '0.5.0');
        const edits = canFix ? fixEdits(context.file.text, node, toCalldata) : undefined;
        context.report({
          node: functionNameNode(context.file.text, node),
          messageId: 'default',
          data: { name: node.name, params: memoryParams.map((p) => `\`${p.name ?? 'its arguments'}\``).join(', ') },
          fix: edits ? { description: 'Make the function external with calldata parameters', edits: () => edits } : undefined,
        });
      },
    };
  },
});

/** `public` → `external` in the header and `memory` → `calldata` for the parameters that are only read. */
function fixEdits(text: string, fn: FunctionDefinition, toCalldata: VariableDeclaration[]): TextEdit[] | undefined {
  const lastParam = fn.parameters[fn.parameters.length - 1];
  if (!lastParam?.range || !fn.body?.range) return undefined;
  const headerStart = lastParam.range[1] + 1;
  const visibility = /\bpublic\b/.exec(text.slice(headerStart, fn.body.range[0]));
  if (!visibility) return undefined;
  const edits: TextEdit[] = [{ start: headerStart + visibility.index, end: headerStart + visibility.index + 'public'.length, text: 'external' }];
  for (const param of toCalldata) {
    if (!param.range) return undefined;
    const location = /\bmemory\b/.exec(text.slice(param.range[0], param.range[1] + 1));
    if (!location) return undefined;
    const start = param.range[0] + location.index;
    edits.push({ start, end: start + 'memory'.length, text: 'calldata' });
  }
  return edits;
}
