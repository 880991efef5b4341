// Helpers for rules that judge whole functions: which functions are entry points, where in the analysed file
// an event reached through internal calls should be reported, and how to point at it from a finding.

import type { ASTNode, BaseASTNode, Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { RelatedDescriptor, RuleContext } from '../engine/ruleApi';
import type { ContractInfo } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';
import type { ExecutionEvent } from './effects';

/** Public or external functions with a body that an outside caller can start (constructors excluded). */
export function isEntryPoint(fn: FunctionDefinition): boolean {
  if (!fn.body || fn.isConstructor) return false;
  // Pre-0.5 functions without a visibility keyword are public.
  return fn.visibility === 'public' || fn.visibility === 'external' || fn.visibility === 'default';
}

/** Entry points that can change state: not view or pure. */
export function isStateChangingEntryPoint(fn: FunctionDefinition): boolean {
  return isEntryPoint(fn) && fn.stateMutability !== 'view' && fn.stateMutability !== 'pure' && fn.stateMutability !== 'constant';
}

/**
 * Entry points that only answer: public or external view or pure functions. Arithmetic in one reaches no
 * transfer or accounting of its contract; the caller that acts on the answer owns its rounding and bounds.
 */
export function isGetterEntryPoint(fn: FunctionDefinition): boolean {
  return isEntryPoint(fn) && !isStateChangingEntryPoint(fn);
}

/** Contracts whose functions rules analyse as roots: interfaces have no code and libraries are reached through callers. */
export function isAnalysedContract(contract: ContractInfo | undefined): contract is ContractInfo {
  return !!contract && contract.kind !== 'interface' && contract.kind !== 'library';
}

/** The node in the analysed function that leads to the event: the event itself, or the first call or modifier on its way. */
export function anchorOf(event: ExecutionEvent): ASTNode {
  return event.via.length > 0 ? event.via[0].site : event.node;
}

/** A related location for an event, in whichever file it sits. */
export function relatedEvent(event: ExecutionEvent, message: string): RelatedDescriptor {
  return { node: event.node as BaseASTNode, message, file: event.file };
}

/** Source text of a node in a file, whitespace collapsed and shortened for messages. */
export function snippet(node: ASTNode, file: SourceFile, max = 60): string {
  const range = node.range;
  if (!range) return node.type;
  const text = file.text.slice(range[0], range[1] + 1).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `this`, `address(this)` or `payable(address(this))`: calls to the contract itself. */
export function isSelfReference(expr: Expression | undefined): boolean {
  if (!expr) return false;
  if (expr.type === 'Identifier') return expr.name === 'this';
  if (expr.type === 'FunctionCall' && expr.arguments.length === 1) {
    const callee = expr.expression;
    const isConversion = (callee.type === 'Identifier' && (callee.name === 'address' || callee.name === 'payable')) || (callee.type === 'ElementaryTypeName' && callee.name === 'address');
    return isConversion && isSelfReference(expr.arguments[0]);
  }
  return false;
}

/** The enclosing function of the node a rule visits, when it is a function of an analysed contract. */
export function analysedFunction(context: RuleContext, fn: FunctionDefinition): { fn: FunctionDefinition; contract: ContractInfo } | undefined {
  const contract = context.contract();
  if (!isAnalysedContract(contract) || !fn.body) return undefined;
  return { fn, contract };
}
