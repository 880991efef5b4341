// outdated-compiler: the pragma admits a compiler below 0.8.0, or one with a known medium-or-worse bug that
// the file's own code can trigger. Bug data comes from Solidity's docs/bugs.json (List of Known Bugs).

import semver from 'semver';
import type { ASTNode, PragmaDirective, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { admitsVersionsIn, hasImplementation } from '../analysis/compilerVersions';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import { mayCompileBelow } from '../parse/pragma';
import type { SourceFile } from '../project/sourceFile';

interface KnownCompilerBug {
  name: string;
  /** First affected version; absent when every version before `fixed` is affected. */
  introduced?: string;
  /** First version without the bug. */
  fixed: string;
  severity: 'medium' | 'medium/high' | 'high';
  /** For bugs that need a particular construct: what it is, and whether the file contains it. */
  trigger?: { construct: string; presentIn(file: SourceFile): boolean };
}

const ASSEMBLY_MEMORY_WRITES = new Set(['mstore', 'mstore8', 'calldatacopy', 'codecopy', 'extcodecopy', 'returndatacopy', 'mcopy']);

/**
 * Medium, medium/high and high entries of https://github.com/ethereum/solidity/blob/develop/docs/bugs.json.
 * Entries fixed before 0.8.0 need no trigger: any pragma admitting them is reported for being below 0.8.0.
 */
export const KNOWN_COMPILER_BUGS: readonly KnownCompilerBug[] = [
  { name: 'AncientCompiler', fixed: '0.3.0', severity: 'high' },
  { name: 'ArrayAccessCleanHigherOrderBits', fixed: '0.3.1', severity: 'medium/high' },
  { name: 'CleanBytesHigherOrderBits', fixed: '0.3.3', severity: 'medium/high' },
  { name: 'OptimizerStaleKnowledgeAboutSHA3', fixed: '0.4.3', severity: 'medium' },
  { name: 'HighOrderByteCleanStorage', introduced: '0.1.6', fixed: '0.4.4', severity: 'high' },
  { name: 'OptimizerStateKnowledgeNotResetForJumpdest', introduced: '0.4.5', fixed: '0.4.6', severity: 'medium' },
  { name: 'ECRecoverMalformedInput', fixed: '0.4.14', severity: 'medium' },
  { name: 'NestedArrayFunctionCallDecoder', introduced: '0.1.4', fixed: '0.4.22', severity: 'medium' },
  { name: 'ExpExponentCleanup', fixed: '0.4.25', severity: 'medium/high' },
  { name: 'YulOptimizerRedundantAssignmentBreakContinue', introduced: '0.6.0', fixed: '0.6.1', severity: 'medium' },
  { name: 'DynamicArrayCleanup', fixed: '0.7.3', severity: 'medium' },
  { name: 'EmptyByteArrayCopy', fixed: '0.7.4', severity: 'medium' },
  {
    name: 'KeccakCaching',
    fixed: '0.8.3',
    severity: 'medium',
    trigger: { construct: '`keccak256` in inline assembly', presentIn: (file) => usesAssemblyCall(file, new Set(['keccak256'])) },
  },
  {
    name: 'InlineAssemblyMemorySideEffects',
    introduced: '0.8.13',
    fixed: '0.8.15',
    severity: 'medium',
    trigger: { construct: 'memory writes in inline assembly', presentIn: (file) => usesAssemblyCall(file, ASSEMBLY_MEMORY_WRITES) },
  },
  {
    name: 'AbiReencodingHeadOverflowWithStaticArrayCleanup',
    introduced: '0.5.8',
    fixed: '0.8.16',
    severity: 'medium',
    trigger: { construct: 'a fixed-size calldata array parameter', presentIn: hasStaticCalldataArray },
  },
  {
    name: 'StorageWriteRemovalBeforeConditionalTermination',
    introduced: '0.8.13',
    fixed: '0.8.17',
    severity: 'medium/high',
    trigger: { construct: '`return`/`stop` in inline assembly', presentIn: (file) => usesAssemblyCall(file, new Set(['return', 'stop'])) },
  },
  {
    name: 'TransientStorageClearingHelperCollision',
    introduced: '0.8.28',
    fixed: '0.8.34',
    severity: 'high',
    trigger: { construct: '`delete` next to a `transient` state variable', presentIn: (file) => hasTransientStateVariable(file) && hasDelete(file) },
  },
];

const nodesByFile = new WeakMap<SourceFile, ASTNode[]>();

/** Every node of the file, collected once however many bug triggers ask. */
function nodesOf(file: SourceFile): ASTNode[] {
  let nodes = nodesByFile.get(file);
  if (!nodes) {
    nodes = file.ast ? findAll(file.ast, () => true) : [];
    nodesByFile.set(file, nodes);
  }
  return nodes;
}

function usesAssemblyCall(file: SourceFile, names: ReadonlySet<string>): boolean {
  return nodesOf(file).some((n) => n.type === 'AssemblyCall' && names.has(n.functionName));
}

function hasStaticCalldataArray(file: SourceFile): boolean {
  return nodesOf(file).some(
    (n) =>
      n.type === 'VariableDeclaration' &&
      n.storageLocation === 'calldata' &&
      !!n.typeName &&
      findAll(n.typeName, () => true).some((t) => t.type === 'ArrayTypeName' && t.length !== null),
  );
}

/** Only state variables can be transient, so the contracts' members suffice: no walk through every body. */
function hasTransientStateVariable(file: SourceFile): boolean {
  return (file.ast?.children ?? []).some(
    (child) =>
      child.type === 'ContractDefinition' &&
      (child.subNodes as ASTNode[]).some(
        (member) =>
          member.type === 'StateVariableDeclaration' &&
          member.variables.some((v) => (v as VariableDeclaration & { isTransient?: boolean }).isTransient === true),
      ),
  );
}

function hasDelete(file: SourceFile): boolean {
  return nodesOf(file).some((n) => n.type === 'UnaryOperation' && n.operator === 'delete');
}

export default defineRule({
  meta: {
    id: 'outdated-compiler',
    title: 'Compiler version with known bugs',
    severity: 'low',
    confidence: 'medium',
    category: 'compiler',
    swc: ['SWC-102'],
    description:
      'The pragma admits a compiler older than 0.8.0 (no built-in overflow checks, and many fixed code-generation bugs), or a 0.8.x version listed in Solidity\'s known-bug list for a construct this file uses. Files holding only interfaces are skipped: they generate no code.',
    exploitScenario:
      'A file with `pragma solidity ^0.8.13` writes memory in an assembly block and reads it in a later one. Built with 0.8.13 or 0.8.14 and the optimizer on, the write is removed (InlineAssemblyMemorySideEffects), so the later block hashes stale memory and a signature check accepts the wrong message.',
    recommendation:
      'Raise the lower bound of the pragma above the affected versions (for 0.8.x code, to at least the version the message names) and build with a current compiler.',
    references: [
      'https://docs.soliditylang.org/en/latest/bugs.html',
      'https://github.com/ethereum/solidity/blob/develop/docs/bugs.json',
      'https://swcregistry.io/docs/SWC-102',
    ],
    readsCompilerVersion: true,
    messages: {
      belowEight: 'The pragma `{{constraint}}` admits compilers below 0.8.0 (no overflow checks); known bugs that can affect this file: {{bugs}}.',
      knownBug: 'The pragma `{{constraint}}` admits compilers affected by {{bugs}}, and this file uses {{constructs}}; require {{fixed}} or later.',
    },
  },
  create(context) {
    return {
      PragmaDirective(node: PragmaDirective) {
        const pragma = context.file.pragma;
        if (!pragma || pragma.node !== node || !hasImplementation(context.file)) return;
        // Skip bugs whose trigger the file does not contain: the admitted version would compile this file correctly.
        const relevant = KNOWN_COMPILER_BUGS.filter(
          (bug) => admitsVersionsIn(pragma, bug.introduced, bug.fixed) && (!bug.trigger || bug.trigger.presentIn(context.file)),
        );
        if (mayCompileBelow(pragma, '0.8.0')) {
          context.report({ node, messageId: 'belowEight', data: { constraint: pragma.constraint, bugs: summarize(relevant.map((b) => b.name)) } });
          return;
        }
        const triggered = relevant.filter((bug) => bug.trigger);
        if (triggered.length === 0) return;
        const fixed = triggered.map((b) => b.fixed).sort(semver.compare).at(-1) as string;
        context.report({
          node,
          messageId: 'knownBug',
          data: {
            constraint: pragma.constraint,
            bugs: triggered.map((b) => b.name).join(', '),
            constructs: [...new Set(triggered.map((b) => b.trigger?.construct))].join(' and '),
            fixed,
          },
        });
      },
    };
  },
});

/** At most three names, then a count: the full list is in the rule's references. */
function summarize(names: string[]): string {
  if (names.length === 0) return 'none listed at medium severity or above';
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
