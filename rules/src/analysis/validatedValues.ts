// Values a function hands to a validation helper before using them: a modifier or an internal function that
// compares the parameter it receives (`_isValidRound(roundId)` checking `roundId <= type(uint80).max`,
// ERC721A's `_packedOwnershipOf(tokenId)` reverting for a token past the last minted one).

import type { ASTNode, BinaryOperation, Expression, FunctionCall, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { classifyCall } from './calls';
import { FunctionScope } from './scope';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** A helper may pass the value on to one more helper (`_requireValid(id)` calling `_exists(id)`). */
const MAX_DEPTH = 2;

type Callable = FunctionDefinition | ModifierDefinition;

/**
 * Whether `fn` hands the value written `valueText` (whitespace removed) to a modifier, or to an internal or library
 * function called before `at`, whose body compares the parameter that receives it.
 */
export function isValidatedByHelper(
  valueText: string,
  at: ASTNode,
  fn: FunctionDefinition,
  contract: ContractInfo,
  project: ProjectModel,
  textOf: (node: ASTNode) => string,
): boolean {
  const sameValue = (arg: Expression): boolean => textOf(arg).replace(/\s+/g, '') === valueText;
  for (const invocation of fn.modifiers) {
    const index = (invocation.arguments ?? []).findIndex(sameValue);
    const modifier = index >= 0 ? contract.resolveModifier(invocation.name) : undefined;
    if (modifier && comparesParameter(modifier.node, index, contract, project, 1)) return true;
  }
  if (!fn.body) return false;
  const scope = new FunctionScope(project, contract.file, contract, fn);
  const start = at.range?.[0] ?? 0;
  return findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && (n.range?.[1] ?? 0) < start).some((call) =>
    handsToComparingHelper(call, sameValue, scope, contract, project, 1),
  );
}

function handsToComparingHelper(
  node: FunctionCall,
  isValue: (arg: Expression) => boolean,
  scope: FunctionScope,
  dispatch: ContractInfo,
  project: ProjectModel,
  depth: number,
): boolean {
  if (!node.arguments.some(isValue) && !(node.expression.type === 'MemberAccess' && isValue(node.expression.expression))) return false;
  const call = classifyCall(node, scope);
  if ((call.kind !== 'internal' && call.kind !== 'library') || !call.resolved) return false;
  // A using-for receiver (`id.check()`) is the callee's first parameter; the explicit arguments follow it.
  const actuals = call.boundReceiver ? [call.boundReceiver, ...call.args] : call.args;
  const index = actuals.findIndex(isValue);
  if (index < 0) return false;
  const nextDispatch = call.resolved.owner.kind === 'library' ? call.resolved.owner : dispatch;
  return comparesParameter(call.resolved.node, index, nextDispatch, project, depth);
}

/** Whether the callable compares its `index`-th parameter, itself or through one more helper it hands it to. */
function comparesParameter(callable: Callable, index: number, dispatch: ContractInfo, project: ProjectModel, depth: number): boolean {
  const name = callable.parameters?.[index]?.name;
  if (!name || !callable.body) return false;
  const mentions = (node: ASTNode): boolean => findAll(node, (n) => n.type === 'Identifier' && n.name === name).length > 0;
  const compared = findAll(callable.body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator)).some(
    (cmp) => mentions(cmp.left) || mentions(cmp.right),
  );
  if (compared || depth >= MAX_DEPTH) return compared;
  const owner = dispatch.linearization.find((c) => c.node.subNodes.includes(callable)) ?? dispatch;
  const scope = new FunctionScope(project, owner.file, dispatch, callable);
  const isParameter = (arg: Expression): boolean => arg.type === 'Identifier' && arg.name === name;
  return findAll(callable.body, (n): n is FunctionCall => n.type === 'FunctionCall').some((call) => handsToComparingHelper(call, isParameter, scope, dispatch, project, depth + 1));
}
