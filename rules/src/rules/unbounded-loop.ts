// unbounded-loop: a state-changing function loops over a storage array that anyone can grow through an
// unrestricted public or external function, so the loop's gas grows until the function cannot run.

import type {
  ASTNode,
  Expression,
  FunctionCall,
  FunctionDefinition,
  Identifier,
  MemberAccess,
  VariableDeclaration,
  VariableDeclarationStatement,
} from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { memoize } from '../analysis/analysisCache';
import { isMsgSender } from '../analysis/astQueries';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { FunctionScope, scopeOf } from '../analysis/scope';
import { stateVariableOf, storagePointers, type StoragePointers } from '../analysis/stateAccess';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, Member, ProjectModel } from '../project/projectModel';

export default defineRule({
  meta: {
    id: 'unbounded-loop',
    title: 'Loop over an array anyone can grow',
    severity: 'medium',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'contract',
    swc: ['SWC-128'],
    description:
      'The loop runs once per element of a storage array, and an unrestricted public function pushes to that array. Every push makes the loop cost more gas; past the block gas limit the function always reverts, along with everything that depends on it.\n\nThe push may sit any number of internal calls deep (`transfer` → `_transfer` → `_addHolder`), the array may be a struct member or sit behind a storage pointer (`pools[id].members`), and the loop may sit in a view helper that a state-changing function calls. Not reported: arrays only an owner or role grows, a caller\'s own list that only the caller grows (`deposits[msg.sender]`), and paged loops whose bound a parameter caps (`start`/`count`).',
    exploitScenario:
      'A raffle pays out by looping over `entrants`, and `enter()` pushes `msg.sender` for a tiny fee. The attacker enters from thousands of addresses (or the same one repeatedly) until `draw()` needs more gas than a block holds; the prize pool is locked forever.',
    recommendation:
      'Bound the array (a maximum length checked on push), process it in batches with a stored cursor, or replace the loop with pull-style accounting where each user claims their own share.',
    references: ['https://swcregistry.io/docs/SWC-128', 'https://consensys.github.io/smart-contract-best-practices/attacks/denial-of-service/'],
    messages: { default: 'The loop runs over `{{array}}`, which anyone can grow through `{{grower}}`; enough pushes make this function run out of gas.' },
  },
  create(context) {
    // Storage pointers of each function, collected once: nested loops would otherwise walk the body per loop.
    const pointersOf = new Map<FunctionDefinition, StoragePointers>();
    const check = (loop: ASTNode, condition: Expression | undefined): void => {
      const callable = context.callable();
      const contract = context.contract();
      if (!condition || !callable || callable.type !== 'FunctionDefinition' || !contract) return;
      // Skip view and pure functions that no state-changing function of the contract calls: a gas limit there
      // only binds callers that use them inside a transaction. A view helper that `deposit()` calls (a total
      // summed over every staker) blocks `deposit()` as surely as a loop in its own body.
      if (isReadOnly(callable) && !calledFromTransaction(callable, contract, context.project)) return;
      const scope = scopeOf(context, callable);
      const flow = LocalDataFlow.of(callable);
      const pointers = pointersOf.get(callable) ?? storagePointers(scope);
      pointersOf.set(callable, pointers);
      const length = flow.findSource(condition, (n) => storageArrayOf(n, scope, pointers) !== undefined) as MemberAccess | undefined;
      if (!length) return;
      // Skip a paged loop (`i < end` with `end` capped by a `count` or `end` parameter): the caller picks the
      // batch size, so a long array only needs more calls.
      if (boundedByParameter(loop, condition, flow, (n) => storageArrayOf(n, scope, pointers) !== undefined)) return;
      const array = storageArrayOf(length, scope, pointers) as StorageArray;
      const grower = unrestrictedGrower(array, contract, context.project);
      if (!grower) return;
      context.report({ node: loop, messageId: 'default', data: { array: array.label, grower: grower.name ?? 'fallback' } });
    };
    return {
      ForStatement: (node) => check(node, node.conditionExpression),
      WhileStatement: (node) => check(node, node.condition),
      DoWhileStatement: (node) => check(node, node.condition),
    };
  },
});

/** A dynamic storage array, named by its state variable and the struct members below it (`pools.members`). */
interface StorageArray {
  key: string;
  /** How the message shows it. */
  label: string;
  /** Keyed by the caller (`deposits[msg.sender]`): the caller's own list. */
  callerOwned: boolean;
}

/**
 * The storage array an expression such as `users`, `pools[id].members` or `pool.members` (through a storage
 * pointer) denotes: indices are dropped, so every pool's `members` is one array for growth.
 */
function arrayKeyOf(expr: ASTNode, scope: FunctionScope, pointers: StoragePointers): StorageArray | undefined {
  const state = stateVariableOf(expr, scope, pointers);
  if (!state?.declaration) return undefined;
  const members: string[] = [];
  let current: ASTNode = expr;
  let callerOwned = false;
  while (current.type === 'MemberAccess' || current.type === 'IndexAccess') {
    if (current.type === 'MemberAccess') members.unshift(current.memberName);
    // The index applied to the state variable itself decides whose entry this is.
    if (current.type === 'IndexAccess' && current.base.type === 'Identifier') callerOwned = !!current.index && isMsgSender(current.index);
    current = current.type === 'MemberAccess' ? current.expression : current.base;
  }
  // A storage pointer stands for the expression it was initialised from (`Pool storage p = pools[id]`).
  if (current.type === 'Identifier' && current.name !== state.name) {
    const origin = pointerOrigin(current.name, scope);
    if (!origin) return undefined;
    const base = arrayKeyOf(origin, scope, new Map());
    if (!base) return undefined;
    const key = [base.key, ...members].join('.');
    return { key, label: key, callerOwned: base.callerOwned };
  }
  const key = [state.name, ...members].join('.');
  return { key, label: key, callerOwned };
}

/** The initial value of local storage pointer `name` in the scope's callable. */
function pointerOrigin(name: string, scope: FunctionScope): Expression | undefined {
  const body = scope.callable?.body;
  if (!body) return undefined;
  const statement = findAll(body, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement').find(
    (d) => d.variables.length === 1 && (d.variables[0] as VariableDeclaration | null)?.name === name && (d.variables[0] as VariableDeclaration).storageLocation === 'storage',
  );
  return statement?.initialValue ?? undefined;
}

/** `arr.length` where `arr` is a dynamic-size storage array: the array. */
function storageArrayOf(node: ASTNode, scope: FunctionScope, pointers: StoragePointers): StorageArray | undefined {
  if (node.type !== 'MemberAccess' || node.memberName !== 'length') return undefined;
  const type = scope.typeOf(node.expression)?.node;
  if (type?.type !== 'ArrayTypeName' || type.length !== null) return undefined;
  return arrayKeyOf(node.expression, scope, pointers);
}

/**
 * Whether the loop's bound, the side of a comparison that is not the counter, is capped by a parameter: the
 * bound is a parameter-derived value that does not grow with the array (`i < maxItems`), a local with such a
 * definition (`end = start + count; if (end > len) end = len;`), or `min(count, len)`.
 */
function boundedByParameter(loop: ASTNode, condition: Expression, flow: LocalDataFlow, isArrayLength: (n: ASTNode) => boolean): boolean {
  const counters = new Set<string>();
  if (loop.type === 'ForStatement' && loop.initExpression?.type === 'VariableDeclarationStatement') {
    for (const v of loop.initExpression.variables) if ((v as VariableDeclaration | null)?.name) counters.add((v as VariableDeclaration).name as string);
  }
  if (loop.type === 'ForStatement' && loop.loopExpression) {
    for (const id of findAll(loop.loopExpression, (n): n is Identifier => n.type === 'Identifier')) counters.add(id.name);
  }
  // Not through an index: `pools[poolId].members.length` is one pool's whole list, not a page of it.
  const fromParameter = (e: ASTNode) => flow.dependsOn(e, (n) => n.type === 'Identifier' && flow.isParameter(n.name), (n) => n.type !== 'IndexAccess');
  const caps = (e: ASTNode): boolean => fromParameter(e) && !flow.dependsOn(e, isArrayLength);
  const capped = (bound: ASTNode): boolean => {
    if (bound.type === 'Identifier' && flow.definitionsOf(bound.name).length > 0) return flow.definitionsOf(bound.name).some(caps);
    if (bound.type === 'FunctionCall' && /(^|\.)min$/i.test(calleeText(bound))) return bound.arguments.some(caps);
    return caps(bound);
  };
  const sides = condition.type === 'BinaryOperation' && ['&&', '||'].includes(condition.operator) ? [condition.left, condition.right] : [condition];
  return sides.some((side) => {
    const bounds = side.type === 'BinaryOperation' && ['<', '<=', '>', '>=', '!='].includes(side.operator) ? [side.left, side.right] : [];
    return bounds.some((bound) => !findAll(bound, (n): n is Identifier => n.type === 'Identifier').some((id) => counters.has(id.name)) && capped(bound));
  });
}

/** `min`, `Math.min`: the called name with its qualifier. */
function calleeText(call: FunctionCall): string {
  const callee = call.expression;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberAccess' && callee.expression.type === 'Identifier') return `${callee.expression.name}.${callee.memberName}`;
  return '';
}

/**
 * A public or external function without caller restriction that pushes to `array`, directly or through the
 * internal functions it calls by name, however deep (`transfer` → `_transfer` → `_addHolder`).
 */
function unrestrictedGrower(array: StorageArray, contract: ContractInfo, project: ProjectModel): FunctionDefinition | undefined {
  const functions = contract.functions();
  const pushesDirectly = (member: Member<FunctionDefinition>): boolean => {
    const fn = member.node;
    if (!fn.body) return false;
    const scope = new FunctionScope(project, member.owner.file, contract, fn);
    const pointers = storagePointers(scope);
    return findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && n.expression.memberName === 'push').some((call) => {
      const pushed = arrayKeyOf((call.expression as MemberAccess).expression, scope, pointers);
      // A push to the caller's own list grows only the caller's own loop: self-inflicted, not a denial of service.
      return pushed?.key === array.key && !(array.callerOwned && pushed.callerOwned);
    });
  };
  const callsByName = (fn: FunctionDefinition, names: Set<string>): boolean =>
    !!fn.body && findAll(fn.body, (n) => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && names.has(n.expression.name)).length > 0;
  // Internal functions that reach a push, grown to a fixed point through internal callers.
  const pushers = new Set(functions.filter((m) => isInternal(m.node) && pushesDirectly(m)).map((m) => m.node.name ?? ''));
  for (let grown = true; grown; ) {
    grown = false;
    for (const m of functions) {
      if (isInternal(m.node) && m.node.name && !pushers.has(m.node.name) && callsByName(m.node, pushers)) {
        pushers.add(m.node.name);
        grown = true;
      }
    }
  }
  return functions.find(
    (m) => !isInternal(m.node) && !m.node.isConstructor && (pushesDirectly(m) || callsByName(m.node, pushers)) && !isAccessControlled(m.node, contract, project),
  )?.node;
}

function isReadOnly(fn: FunctionDefinition): boolean {
  return fn.stateMutability === 'view' || fn.stateMutability === 'pure' || fn.stateMutability === 'constant';
}

/** Whether a state-changing function of the contract calls `fn` by name, directly or through other view helpers. */
function calledFromTransaction(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  // Once per function (`contract` is its own), not per loop in it.
  return memoize(project, 'unbounded-loop.calledFromTransaction', fn, () => searchTransactionCaller(fn, contract, project));
}

function searchTransactionCaller(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  if (!fn.name) return false;
  const functions = contract.functions().map((m) => m.node);
  const callers = new Set<string>([fn.name]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const candidate of functions) {
      if (!candidate.body || !candidate.name || callers.has(candidate.name) || !callsAny(candidate, callers, project)) continue;
      if (!isReadOnly(candidate)) return true;
      callers.add(candidate.name);
      grown = true;
    }
  }
  // receive and fallback have no name but run in transactions too; a constructor runs before anyone can push.
  return functions.some((f) => !f.name && !f.isConstructor && !!f.body && !isReadOnly(f) && callsAny(f, callers, project));
}

function callsAny(fn: FunctionDefinition, names: Set<string>, project: ProjectModel): boolean {
  for (const name of calledNames(fn, project)) if (names.has(name)) return true;
  return false;
}

/** The names `fn` calls (`f(…)`, `this.f(…)`), collected once per function: the search above asks every round. */
function calledNames(fn: FunctionDefinition, project: ProjectModel): Set<string> {
  return memoize(project, 'unbounded-loop.calledNames', fn, () => {
    const names = new Set<string>();
    for (const n of fn.body ? findAll(fn.body, (node): node is FunctionCall => node.type === 'FunctionCall') : []) {
      if (n.expression.type === 'Identifier') names.add(n.expression.name);
      else if (n.expression.type === 'MemberAccess' && n.expression.expression.type === 'Identifier' && n.expression.expression.name === 'this') names.add(n.expression.memberName);
    }
    return names;
  });
}

function isInternal(fn: FunctionDefinition): boolean {
  return fn.visibility === 'internal' || fn.visibility === 'private';
}
