// Writes of chosen state variables by a function that emits no event on any path through it (modifiers and
// internal calls included): the shared core of the missing-events rules.

import type { BaseASTNode, FunctionDefinition, StateVariableDeclarationVariable } from '@solidity-parser/parser/dist/src/ast-types';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';
import { containsNode } from './astQueries';
import { executionEvents, type ExecutionEvent } from './effects';
import { functionNameNode } from './rangeNode';

/** Entry points that change state: public or external, not a constructor, not view or pure. */
export function isStateChangingEntryPoint(fn: FunctionDefinition): boolean {
  if (fn.isConstructor || !fn.body) return false;
  if (fn.visibility !== 'public' && fn.visibility !== 'external' && fn.visibility !== 'default') return false;
  return fn.stateMutability !== 'view' && fn.stateMutability !== 'pure' && fn.stateMutability !== 'constant';
}

/** The writes of `variables` in `fn`, or nothing when the function emits an event anywhere. */
export function writesWithoutEvent(
  fn: FunctionDefinition,
  contract: ContractInfo,
  project: ProjectModel,
  variables: ReadonlySet<StateVariableDeclarationVariable>,
): ExecutionEvent[] {
  if (variables.size === 0) return [];
  const events = executionEvents(fn, contract, project);
  if (events.some((e) => e.kind === 'emit')) return [];
  return events.filter((e) => e.kind === 'state-write' && !!e.variable?.declaration && variables.has(e.variable.declaration));
}

/**
 * Where a finding about `writes` of `fn` is shown: the first write in `fn`'s own code, else `fn`'s name. Never a
 * write inside an inherited helper, so each finding belongs to the function whose call chain it describes.
 */
export function unannouncedWriteAnchor(writes: readonly ExecutionEvent[], fn: FunctionDefinition, file: SourceFile): BaseASTNode {
  return writes.find((w) => w.file === file && containsNode(fn, w.node))?.node ?? functionNameNode(file.text, fn);
}
