// How a contract prices shares against its own holdings: the balance reads anyone can raise by sending tokens or
// ether, the divisions that turn assets into shares or shares into a rate, the virtual offsets and dead shares
// that defuse a donation, and which functions run on a state-changing path.

import type { ASTNode, Expression, FunctionDefinition, ReturnStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { isCompileTimeConstant } from './constantExpressions';
import { isSelfReference } from './entryPoints';
import { LocalDataFlow } from './localDataFlow';
import { isConstantName } from './stateVariableCandidates';

/** Names of virtual-offset and dead-share or minimum-deposit mitigations (OpenZeppelin's offset, Uniswap's MINIMUM_LIQUIDITY). */
const MITIGATION_NAME = /MIN(IMUM)?_?(INITIAL_?)?(LIQUIDITY|SHARES|DEPOSIT)|DEAD_?SHARES|_decimalsOffset|VIRTUAL_?(SHARES|ASSETS)|INITIAL_SHARES/i;

/** How deep a chain of helpers (`totalAssets()` → `getCash()` → `balanceOf(this)`) is followed. */
const HELPER_DEPTH = 3;

/** A division in any of its spellings: `a / b`, `mulDiv(a, b, c)`, `a.mulDiv(b, c)`, SafeMath `a.div(b)`, Compound's `div_(a, b)`. */
export interface Division {
  node: ASTNode;
  /** The factors of the dividend (both factors of a `mulDiv`). */
  numerator: Expression[];
  denominator: Expression;
}

export function divisionOf(node: ASTNode): Division | undefined {
  if (node.type === 'BinaryOperation') return node.operator === '/' ? { node, numerator: [node.left], denominator: node.right } : undefined;
  if (node.type !== 'FunctionCall') return undefined;
  const callee = node.expression;
  if (callee.type === 'MemberAccess') {
    const args = [callee.expression, ...node.arguments];
    // `Math.mulDiv(a, b, c)` passes three arguments; `a.mulDiv(b, c)` binds the first through `using for`.
    if (callee.memberName === 'mulDiv') {
      const operands = node.arguments.length >= 3 ? node.arguments : args;
      return operands.length >= 3 ? { node, numerator: [operands[0], operands[1]], denominator: operands[2] } : undefined;
    }
    if (callee.memberName === 'div' && node.arguments.length === 1) return { node, numerator: [callee.expression], denominator: node.arguments[0] };
    return undefined;
  }
  if (callee.type === 'Identifier' && callee.name === 'div_' && node.arguments.length === 2) return { node, numerator: [node.arguments[0]], denominator: node.arguments[1] };
  return undefined;
}

/** `totalSupply`, `_totalSupply`, `totalSupply()`, `totalShares`: the number of shares outstanding. */
export function isShareSupply(node: ASTNode): boolean {
  const name = node.type === 'Identifier' ? node.name : node.type === 'FunctionCall' && node.arguments.length === 0 && node.expression.type === 'Identifier' ? node.expression.name : undefined;
  return !!name && /^_?total(Supply|Shares)$/.test(name);
}

/**
 * A read of a balance anyone can raise without calling the contract: `token.balanceOf(address(this))`,
 * `address(this).balance`, or a call to a function of the contract (`totalAssets()`, `getCash()`) that returns one.
 */
export function isDonatableBalance(node: ASTNode, contract: ContractInfo, depth = HELPER_DEPTH): boolean {
  if (isOwnBalanceRead(node)) return true;
  if (depth === 0 || node.type !== 'FunctionCall') return false;
  const name = calledName(node);
  const fn = name ? contract.resolveFunction(name, node.arguments.length)?.node : undefined;
  if (!fn?.body) return false;
  // Only what the helper returns counts: a balance it merely checks (`require(balance >= stored)`) prices nothing.
  const flow = LocalDataFlow.of(fn);
  const returned: ASTNode[] = [
    ...findAll(fn.body, (n) => n.type === 'ReturnStatement').flatMap((r) => ((r as ReturnStatement).expression ? [(r as ReturnStatement).expression as ASTNode] : [])),
    ...(fn.returnParameters ?? []).flatMap((p) => (p.name ? flow.definitionsOf(p.name) : [])),
  ];
  return returned.some((value) => flow.dependsOn(value, (n) => isDonatableBalance(n, contract, depth - 1)));
}

function isOwnBalanceRead(node: ASTNode): boolean {
  if (node.type === 'MemberAccess') return node.memberName === 'balance' && isSelfReference(node.expression);
  if (node.type !== 'FunctionCall' || node.expression.type !== 'MemberAccess' || node.expression.memberName !== 'balanceOf' || node.arguments.length !== 1) return false;
  return isSelfReference(node.arguments[0]);
}

/**
 * `x + 1`, `x + 10 ** _decimalsOffset()`, `x.add(VIRTUAL_SHARES)`: an addition of a constant or a named offset,
 * which OpenZeppelin's virtual shares and assets use. `cash + totalBorrows` is not one.
 */
export function isVirtualOffset(node: ASTNode, contract: ContractInfo): boolean {
  let sides: ASTNode[];
  if (node.type === 'BinaryOperation' && node.operator === '+') sides = [node.left, node.right];
  else if (node.type === 'FunctionCall' && node.expression.type === 'MemberAccess' && node.expression.memberName === 'add' && node.arguments.length === 1) {
    sides = [node.expression.expression, node.arguments[0]];
  } else return false;
  return sides.some(
    (side) =>
      isCompileTimeConstant(side, (name) => isConstantName(contract, name)) ||
      findAll(side, (n) => (n.type === 'Identifier' && MITIGATION_NAME.test(n.name)) || (n.type === 'FunctionCall' && n.expression.type === 'Identifier' && MITIGATION_NAME.test(n.expression.name))).length > 0,
  );
}

/**
 * The contract defuses a first-deposit donation elsewhere: a dead-share, minimum-deposit or virtual-offset name
 * anywhere in the hierarchy, or shares minted to a burn address (`_mint(address(0xdead), 1000)`).
 */
export function hasDonationMitigation(contract: ContractInfo): boolean {
  return contract.linearization.some(
    (c) =>
      findAll(c.node, (n) => (n.type === 'Identifier' && MITIGATION_NAME.test(n.name)) || isMintToBurnAddress(n)).length > 0 ||
      c.ownFunctions().some((f) => f.name !== null && MITIGATION_NAME.test(f.name)) ||
      c.ownStateVariables().some((v) => v.name !== null && MITIGATION_NAME.test(v.name)),
  );
}

/** `_mint(address(0xdead), n)`, `_mint(DEAD, n)`, `balanceOf[address(1)] += n`: shares nobody can redeem. */
function isMintToBurnAddress(node: ASTNode): boolean {
  if (node.type === 'FunctionCall' && node.expression.type === 'Identifier' && /^_?mint$/i.test(node.expression.name) && node.arguments.length === 2) {
    return isBurnAddress(node.arguments[0]);
  }
  return node.type === 'BinaryOperation' && (node.operator === '+=' || node.operator === '=') && node.left.type === 'IndexAccess' && !!node.left.index && isBurnAddress(node.left.index);
}

function isBurnAddress(node: ASTNode): boolean {
  if (node.type === 'Identifier') return /dead|burn/i.test(node.name);
  return (
    node.type === 'FunctionCall' &&
    node.arguments.length === 1 &&
    ((node.expression.type === 'ElementaryTypeName' && node.expression.name === 'address') || (node.expression.type === 'Identifier' && node.expression.name === 'address')) &&
    node.arguments[0].type === 'NumberLiteral'
  );
}

/**
 * Functions of the hierarchy that run when state changes: every non-view function with a body, and the
 * functions they call by name, transitively (a `view` helper a deposit calls prices that deposit).
 */
export function stateChangingPath(project: ProjectModel, contract: ContractInfo): ReadonlySet<FunctionDefinition> {
  return memoize(project, 'sharePricing.stateChangingPath', contract, () => {
    const reached = new Set<FunctionDefinition>();
    const pending = contract.functions()
      .map((m) => m.node)
      .filter((fn) => fn.body && fn.stateMutability !== 'view' && fn.stateMutability !== 'pure' && fn.stateMutability !== 'constant');
    while (pending.length > 0) {
      const fn = pending.pop() as FunctionDefinition;
      if (reached.has(fn) || !fn.body) continue;
      reached.add(fn);
      for (const call of findAll(fn.body, (n) => n.type === 'FunctionCall')) {
        const name = calledName(call);
        const callee = name ? contract.resolveFunction(name, (call as { arguments: unknown[] }).arguments.length) : undefined;
        if (callee) pending.push(callee.node);
      }
    }
    return reached;
  });
}

/** The name of an internal call (`f()`) or a call to the contract itself (`this.f()`). */
export function calledName(node: ASTNode): string | undefined {
  if (node.type !== 'FunctionCall') return undefined;
  const callee = node.expression;
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberAccess' && isSelfReference(callee.expression) ? callee.memberName : undefined;
}
