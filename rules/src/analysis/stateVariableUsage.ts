// Where a contract's own state variables are read and written across the project: in the contract itself
// and in every contract deriving from it. Gas and dead-code rules (constant, immutable, unused) ask this.

import type { AssemblyMemberAccess, ASTNode, FunctionDefinition, ModifierDefinition, StateVariableDeclarationVariable } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { FunctionScope } from './scope';
import { stateReads, stateWrites, storagePointers } from './stateAccess';

export interface StateWrite {
  /** The writing operation (assignment, `++`, `delete`, `push`). */
  node: ASTNode;
  contract: ContractInfo;
  callable: FunctionDefinition | ModifierDefinition;
}

export interface StateVariableUsage {
  writes: StateWrite[];
  reads: { node: ASTNode; contract: ContractInfo; callable: FunctionDefinition | ModifierDefinition | undefined }[];
  /** `x.slot` or `x.offset` in inline assembly: storage reached by slot, so reads and writes are unknown. */
  inAssembly: boolean;
}

/**
 * The contracts whose code can touch `owner`'s state: `owner` and everything that inherits from it. Computed once
 * per project: many analyses ask it for every base of every contract, and each answer scans the whole project.
 */
export function contractsSharingState(project: ProjectModel, owner: ContractInfo): readonly ContractInfo[] {
  return memoize(project, 'contractsSharingState', owner, () =>
    project
      .files()
      .flatMap((file) => project.contractsIn(file.path))
      .filter((c) => c.linearization.includes(owner)),
  );
}

/** Usage of every own state variable of `owner`, computed once per project. */
export function stateVariableUsage(project: ProjectModel, owner: ContractInfo): Map<StateVariableDeclarationVariable, StateVariableUsage> {
  return memoize(project, 'stateVariableUsage', owner, () => computeUsage(project, owner));
}

/**
 * The contracts whose code runs with `reader`'s storage or its inheritors' storage: `reader`, its bases and
 * everything deriving from it. A sibling deriving from the same base is not among them.
 */
export function contractsRunningWith(project: ProjectModel, reader: ContractInfo): ContractInfo[] {
  return [...new Set([...reader.linearization, ...contractsSharingState(project, reader)])];
}

/**
 * Usage of every state variable `reader` has (own and inherited), counting only the code of
 * `contractsRunningWith(reader)`: a write in a sibling contract never runs on `reader`'s storage.
 */
export function stateVariableUsageFrom(project: ProjectModel, reader: ContractInfo): Map<StateVariableDeclarationVariable, StateVariableUsage> {
  return memoize(project, 'stateVariableUsageFrom', reader, () =>
    collectUsage(project, reader.linearization.flatMap((c) => c.ownStateVariables()), contractsRunningWith(project, reader)),
  );
}

function computeUsage(project: ProjectModel, owner: ContractInfo): Map<StateVariableDeclarationVariable, StateVariableUsage> {
  const own = owner.ownStateVariables();
  // Interfaces and most bases have no state of their own: nothing to look for in their many inheritors.
  if (own.length === 0) return new Map();
  return collectUsage(project, own, contractsSharingState(project, owner));
}

function collectUsage(project: ProjectModel, variables: StateVariableDeclarationVariable[], contracts: readonly ContractInfo[]): Map<StateVariableDeclarationVariable, StateVariableUsage> {
  const usage = new Map<StateVariableDeclarationVariable, StateVariableUsage>();
  for (const variable of variables) usage.set(variable, { writes: [], reads: [], inAssembly: false });
  const byName = new Map(variables.map((v) => [v.name, v]));

  for (const contract of contracts) {
    // State variable initialisers (`uint b = a + 1;`) read other state outside any function.
    const declarationScope = new FunctionScope(project, contract.file, contract, undefined);
    for (const variable of contract.ownStateVariables()) {
      if (!variable.expression) continue;
      for (const read of stateReads(variable.expression, declarationScope, new Map())) {
        const entry = read.variable.declaration && usage.get(read.variable.declaration);
        entry?.reads.push({ node: read.node, contract, callable: undefined });
      }
    }
    const callables = [...contract.ownFunctions(), ...contract.ownMembers<ModifierDefinition>('ModifierDefinition')];
    for (const callable of callables) {
      const accesses = callableStateAccess(project, contract, callable);
      for (const write of accesses.writes) {
        const entry = write.declaration && usage.get(write.declaration);
        entry?.writes.push({ node: write.node, contract, callable });
      }
      for (const read of accesses.reads) {
        const entry = read.declaration && usage.get(read.declaration);
        entry?.reads.push({ node: read.node, contract, callable });
      }
      for (const { name, declaration } of accesses.assembly) {
        const variable = byName.get(name);
        // A local of the same name shadows the state variable inside this callable.
        if (variable && declaration === variable) (usage.get(variable) as StateVariableUsage).inAssembly = true;
      }
    }
  }
  return usage;
}

interface CallableStateAccess {
  writes: { node: ASTNode; declaration: StateVariableDeclarationVariable | undefined }[];
  reads: { node: ASTNode; declaration: StateVariableDeclarationVariable | undefined }[];
  /** `x.slot` / `x.offset` in assembly, with the state variable `x` names there (undefined when a local shadows it). */
  assembly: { name: string; declaration: StateVariableDeclarationVariable | undefined }[];
}

/**
 * The state accesses of one callable of `contract`, computed once per project: every base's usage asks for the
 * callables of all its inheritors, so without this a deep hierarchy walks the same bodies once per base.
 */
function callableStateAccess(project: ProjectModel, contract: ContractInfo, callable: FunctionDefinition | ModifierDefinition): CallableStateAccess {
  return memoize(project, 'stateVariableUsage.callable', callable, () => {
    const scope = new FunctionScope(project, contract.file, contract, callable);
    const pointers = storagePointers(scope);
    return {
      writes: stateWrites(callable, scope, pointers).map((w) => ({ node: w.node, declaration: w.variable.declaration })),
      reads: stateReads(callable, scope, pointers).map((r) => ({ node: r.node, declaration: r.variable.declaration })),
      assembly: findAll(callable, (n): n is AssemblyMemberAccess => n.type === 'AssemblyMemberAccess').map((access) => ({
        name: access.expression.name,
        declaration: scope.stateVariable(access.expression.name, access.expression)?.node,
      })),
    };
  });
}
