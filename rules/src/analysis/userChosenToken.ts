// Whether the users of a contract pick the token a call is made on: a parameter of a function anyone may call,
// or an entry of a list they pass in, directly or handed down to an internal helper. Token rules ask it to tell
// "any token a user brings" (USDT among them) from a token the deployer or an administrator chose.

import type { Expression, FunctionCall, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import { senderCheck } from './accessControl';
import { isEntryPoint } from './entryPoints';
import { isFixedAtDeployment } from './fixedAtDeployment';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { FunctionScope } from './scope';
import { FunctionTaint, parameterNames } from './taint';

/**
 * `IERC20(token)`, `address(token)`: a one-argument call of a name that is no function of the contract is a
 * conversion, even when the interface it names is imported from a package that is not installed.
 */
function unwrapConversions(expr: Expression, scope: FunctionScope): Expression {
  let current = expr;
  while (current.type === 'FunctionCall' && current.arguments.length === 1 && current.names.length === 0) {
    const callee = current.expression;
    const converts = callee.type === 'ElementaryTypeName' || (callee.type === 'Identifier' && !scope.contract?.resolveFunction(callee.name));
    if (!converts) break;
    current = current.arguments[0];
  }
  return current;
}

/**
 * Whether only chosen accounts may call `fn` (an owner, a role, a registered hook). A `require` around a token
 * call that merely hands it the caller (`require(token.transfer(msg.sender, amount))`) restricts nobody.
 */
function isCallerRestricted(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  const evidence = senderCheck(fn, contract, project);
  if (!evidence) return false;
  const wrapsTokenCall = findAll(evidence.node, (n) => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && TOKEN_CALLS.has(n.expression.memberName)).length > 0;
  return !wrapsTokenCall;
}

const TOKEN_CALLS = new Set(['transfer', 'transferFrom', 'approve', 'transferAndCall']);

/** True when `token`, in `scope`, comes from the arguments of a call anyone can make. */
export function isTokenChosenByUsers(token: Expression, scope: FunctionScope): boolean {
  const fn = scope.callable;
  const contract = scope.contract;
  if (!fn || fn.type !== 'FunctionDefinition' || !contract) return false;
  if (isFixedAtDeployment(token, scope)) return false;
  if (!new FunctionTaint(scope, { parameters: true }).isTainted(unwrapConversions(token, scope))) return false;
  if (isEntryPoint(fn)) return !isCallerRestricted(fn, contract, scope.project);
  // An internal helper: one of its open callers passes a value of its own caller's choosing as the token.
  const indexes = parameterNames(token, fn).map((name) => (fn.parameters ?? []).findIndex((p) => p.name === name));
  if (!fn.name || indexes.length === 0) return false;
  for (const caller of contract.functions()) {
    const callerFn: FunctionDefinition = caller.node;
    if (callerFn === fn || !callerFn.body || !isEntryPoint(callerFn) || isCallerRestricted(callerFn, contract, scope.project)) continue;
    const sites = findAll(callerFn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === fn.name && n.arguments.length === (fn.parameters ?? []).length);
    if (sites.length === 0) continue;
    const callerTaint = new FunctionTaint(new FunctionScope(scope.project, caller.owner.file, contract, callerFn), { parameters: true });
    if (sites.some((site) => indexes.some((i) => i >= 0 && callerTaint.isTainted(site.arguments[i])))) return true;
  }
  return false;
}
