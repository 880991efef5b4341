// storage-packing: a contract whose own state variables, reordered, would fit in fewer storage slots; each
// slot saved is one cold SLOAD/SSTORE less when the variables are used together.

import type { ContractDefinition, TypeName } from '@solidity-parser/parser/dist/src/ast-types';
import { rangeNode } from '../analysis/rangeNode';
import { storageLayoutIsFrozen, storageVariables } from '../analysis/stateVariableCandidates';
import { defineRule } from '../engine/ruleApi';
import type { ContractInfo, ProjectModel } from '../project/projectModel';

/** A variable that shares slots (its byte size) or one that always takes whole slots of its own. */
type Footprint = { packable: true; bytes: number } | { packable: false };

const WHOLE_SLOTS: Footprint = { packable: false };

/** Enum and struct names declared in the hierarchy, the contract's file or the files it imports. */
function userTypeKind(project: ProjectModel, contract: ContractInfo, namePath: string): 'enum' | 'struct' | 'contract' | undefined {
  const name = namePath.split('.').pop() ?? namePath;
  const scopes = [...contract.linearization.map((c) => c.node.subNodes), ...[contract.file.path, ...project.transitiveImports(contract.file.path)].map((path) => project.file(path)?.ast?.children ?? [])];
  for (const nodes of scopes) {
    for (const node of nodes as { type: string; name?: string }[]) {
      if (node.name !== name) continue;
      if (node.type === 'EnumDefinition') return 'enum';
      if (node.type === 'StructDefinition') return 'struct';
    }
  }
  return project.resolveContractName(namePath, contract.file.path) ? 'contract' : undefined;
}

function footprint(type: TypeName | null, project: ProjectModel, contract: ContractInfo): Footprint | undefined {
  if (!type) return undefined;
  if (type.type === 'Mapping' || type.type === 'ArrayTypeName') return WHOLE_SLOTS;
  if (type.type === 'FunctionTypeName') return { packable: true, bytes: type.visibility === 'external' ? 24 : 8 };
  if (type.type === 'UserDefinedTypeName') {
    const kind = userTypeKind(project, contract, type.namePath);
    if (kind === 'enum') return { packable: true, bytes: 1 };
    if (kind === 'contract') return { packable: true, bytes: 20 };
    // Structs start and end on slot boundaries; user-defined value types and unknown names are not sized here.
    return kind === 'struct' ? WHOLE_SLOTS : undefined;
  }
  if (type.type !== 'ElementaryTypeName') return undefined;
  const name = type.name;
  if (name === 'bool' || name === 'byte') return { packable: true, bytes: 1 };
  if (name === 'address' || name === 'address payable') return { packable: true, bytes: 20 };
  if (name === 'string' || name === 'bytes') return WHOLE_SLOTS;
  const integer = /^u?int(\d*)$/.exec(name);
  if (integer) return { packable: true, bytes: Number(integer[1] || '256') / 8 };
  const fixedBytes = /^bytes(\d+)$/.exec(name);
  return fixedBytes ? { packable: true, bytes: Number(fixedBytes[1]) } : undefined;
}

/** Slots used in declaration order, following the compiler's rule: a value goes into the current slot if it fits. */
function slotsInOrder(footprints: readonly Footprint[]): number {
  let slots = 0;
  let used = 0;
  for (const item of footprints) {
    if (!item.packable) {
      slots += 1;
      used = 0;
    } else if (used === 0 || used + item.bytes > 32) {
      slots += 1;
      used = item.bytes === 32 ? 0 : item.bytes;
    } else {
      used += item.bytes;
    }
  }
  return slots;
}

/** Slots after reordering: whole-slot items unchanged, the rest packed first-fit by decreasing size. */
function slotsReordered(footprints: readonly Footprint[]): number {
  const sizes = footprints.flatMap((f) => (f.packable ? [f.bytes] : [])).sort((a, b) => b - a);
  const bins: number[] = [];
  for (const size of sizes) {
    const bin = bins.findIndex((used) => used + size <= 32);
    if (bin >= 0) bins[bin] += size;
    else bins.push(size);
  }
  return footprints.filter((f) => !f.packable).length + bins.length;
}

export default defineRule({
  meta: {
    id: 'storage-packing',
    title: 'State variables could use fewer storage slots',
    severity: 'informational',
    confidence: 'high',
    category: 'gas',
    scope: 'function',
    swc: [],
    description:
      'The compiler packs consecutive state variables smaller than 32 bytes into one slot, in declaration order. A small variable between two full-width ones takes a slot of its own; reordering the declarations so small ones sit together uses fewer slots, and code that touches them together pays one cold storage access instead of several.',
    exploitScenario: 'None: this is a gas issue.',
    recommendation: 'Declare state variables grouped by size so small ones (`bool`, `address`, `uint64`, …) are adjacent. Do not reorder a contract that is already deployed behind a proxy.',
    references: ['https://docs.soliditylang.org/en/latest/internals/layout_in_storage.html'],
    messages: { default: 'The state variables of `{{contract}}` take {{declared}} slots in declaration order; reordered they fit in {{packed}}.' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || (contract.kind !== 'contract' && contract.kind !== 'abstract')) return;
        // Skip contracts behind a proxy: reordering their variables would corrupt the deployed storage.
        if (storageLayoutIsFrozen(context.project, contract)) return;
        const footprints: Footprint[] = [];
        for (const variable of storageVariables(contract)) {
          const item = footprint(variable.typeName, context.project, contract);
          // Skip the contract when a type cannot be sized: a guess could report a saving that does not exist.
          if (!item) return;
          footprints.push(item);
        }
        const declared = slotsInOrder(footprints);
        const packed = slotsReordered(footprints);
        if (packed >= declared) return;
        const start = node.range?.[0] ?? 0;
        const header = /^(?:abstract\s+)?contract\s+/.exec(context.file.text.slice(start))?.[0] ?? '';
        const name = rangeNode(start + header.length, start + header.length + node.name.length);
        context.report({ node: name, messageId: 'default', data: { contract: node.name, declared, packed } });
      },
    };
  },
});
