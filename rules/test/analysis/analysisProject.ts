// Builds an in-memory project from Solidity snippets so analysis helpers can be tested without files.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { InMemoryFileHost, ProjectModel, type ContractInfo } from '../../src/index';
import { FunctionScope } from '../../src/analysis/scope';

export interface LoadedFunction {
  project: ProjectModel;
  contract: ContractInfo;
  fn: FunctionDefinition;
  scope: FunctionScope;
}

/** Loads `/p/<name>` files; the first file is the entry and imports the rest by relative path. */
export function loadProject(files: Record<string, string>): ProjectModel {
  const map = new Map(Object.entries(files).map(([name, text]) => [`/p/${name}`, text]));
  return ProjectModel.load([...map.keys()], { root: '/p', host: new InMemoryFileHost(map) });
}

/** The named function of the named contract, with its scope. */
export function functionOf(project: ProjectModel, contractName: string, functionName: string): LoadedFunction {
  const contract = project
    .files()
    .flatMap((f) => project.contractsIn(f.path))
    .find((c) => c.name === contractName);
  if (!contract) throw new Error(`no contract ${contractName}`);
  const member = contract.functions().find((m) => m.node.name === functionName);
  if (!member) throw new Error(`no function ${functionName}`);
  return { project, contract, fn: member.node, scope: new FunctionScope(project, member.owner.file, contract, member.node) };
}
