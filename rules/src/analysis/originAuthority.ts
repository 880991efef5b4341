// Where `tx.origin` takes an authority position in a function: the account a transfer, burn, approval or debit
// takes from, the account a mint or deposit credits, an owner or user the contract stores. Followed through
// locals (taint) and into internal and library helpers by parameter, so `_withdraw(tx.origin, amount)` counts
// when the helper debits its `account`.

import type { ASTNode, Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo } from '../project/projectModel';
import { memoize } from './analysisCache';
import { ASSIGNMENT_OPERATORS, isMemberOf } from './astQueries';
import { classifyCall, type CallInfo } from './calls';
import { FunctionScope } from './scope';
import { FunctionTaint } from './taint';

/**
 * What the origin becomes, strongest first: `spent` (its assets leave: the `from` of a transfer, a burn, an
 * approval it grants, a debit of its entry), `credited` (a mint or deposit is booked to it), `stored` (it is
 * written into state as an owner or user), `keyed` (a flag or counter is kept for it).
 */
export type AuthorityRole = 'spent' | 'credited' | 'stored' | 'keyed';

const ROLE_RANK: Record<AuthorityRole, number> = { spent: 3, credited: 2, stored: 1, keyed: 0 };

export interface OriginAuthority {
  /** The call or assignment of the analysed function where the origin enters the position. */
  node: ASTNode;
  role: AuthorityRole;
  /** The position, for a message: "the `from` of `transferFrom`", "a debit of `balances`". */
  what: string;
  /** Whether the position was recognised only by a call's name (an interface or unresolved callee). */
  byNameOnly: boolean;
}

export interface OriginAuthorityScan {
  uses: OriginAuthority[];
  /** Whether the function pays value out (ETH or an ERC20 `transfer`), and whether every payment goes to the origin. */
  paysOut: boolean;
  paysOnlyOrigin: boolean;
}

/** Calls whose argument at `index` names the account the call takes from or books to, by the standard's name and arity. */
interface NamedPosition {
  index: number;
  role: AuthorityRole;
}

/** Helpers are followed this deep; deeper chains are rare and cost a scan each. */
const MAX_HELPER_DEPTH = 6;

function namedPositions(call: CallInfo): NamedPosition[] {
  const arity = call.args.length;
  // A library called by its name (`SafeERC20.safeTransferFrom(token, from, to, amount)`) takes the token first.
  const tokenFirst = call.kind === 'library' && !call.boundReceiver ? 1 : 0;
  switch (call.name) {
    case 'transferFrom':
      return arity === 3 + tokenFirst ? [{ index: tokenFirst, role: 'spent' }] : [];
    case 'safeTransferFrom':
      return arity >= 3 + tokenFirst ? [{ index: tokenFirst, role: 'spent' }] : [];
    case 'safeBatchTransferFrom':
    case '_transfer':
    case '_safeTransfer':
      return arity >= 3 ? [{ index: 0, role: 'spent' }] : [];
    case '_burn':
    case 'burnFrom':
    case '_spendAllowance':
    case '_approve':
      return arity >= 2 ? [{ index: 0, role: 'spent' }] : [];
    case 'burn':
      return arity === 2 ? [{ index: 0, role: 'spent' }] : [];
    case '_mint':
    case '_safeMint':
    case 'mint':
      return arity >= 2 ? [{ index: 0, role: 'credited' }] : [];
    default:
      return [];
  }
}

/** The keys of a write target, outermost last: `owner` and `token` in `balances[owner][token]`. */
function keysOf(target: ASTNode): ASTNode[] {
  const keys: ASTNode[] = [];
  let current: ASTNode = target;
  while (current.type === 'IndexAccess' || current.type === 'MemberAccess') {
    if (current.type === 'IndexAccess') {
      if (current.index) keys.push(current.index);
      current = current.base;
    } else {
      current = current.expression;
    }
  }
  return keys;
}

/** The variable a write target lives in, when it is state (or a storage pointer into state). */
function storedRoot(target: ASTNode, scope: FunctionScope): string | undefined {
  let current: ASTNode = target;
  while (current.type === 'IndexAccess' || current.type === 'MemberAccess') current = current.type === 'IndexAccess' ? current.base : current.expression;
  if (current.type !== 'Identifier') return undefined;
  const decl = scope.resolve(current.name, current);
  if (!decl) return undefined;
  return decl.kind === 'state' || decl.node.storageLocation === 'storage' ? current.name : undefined;
}

function isZeroLiteral(node: ASTNode): boolean {
  return node.type === 'NumberLiteral' && /^0+$/.test(node.number);
}

/** Whether the value carries the origin: itself, or inside a struct built from it (`Order({maker: tx.origin, ...})`). */
function carriesOrigin(expr: ASTNode, taint: FunctionTaint, scope: FunctionScope): boolean {
  if (taint.isTainted(expr)) return true;
  if (expr.type !== 'FunctionCall') return false;
  const callee = expr.expression;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberAccess' ? callee.memberName : undefined;
  return !!name && !!scope.structNamed(name) && expr.arguments.some((arg) => carriesOrigin(arg, taint, scope));
}

/** The role of an assignment whose target is keyed by the origin: a subtraction or a reset is a debit. */
function keyedWriteRole(operator: string, value: Expression): AuthorityRole {
  if (operator === '-=' || (operator === '=' && ((value.type === 'BinaryOperation' && value.operator === '-') || isZeroLiteral(value)))) return 'spent';
  if (operator === '+=' || (operator === '=' && value.type === 'BinaryOperation' && value.operator === '+')) return 'credited';
  return 'keyed';
}

/** Where an ERC20-style `transfer(to, amount)` or an ETH send pays to, when the call pays out at all. */
function payee(call: CallInfo): ASTNode | undefined {
  if (call.sendsEth && call.target && (call.kind === 'eth-transfer' || call.kind === 'send' || call.kind === 'low-level-call')) return call.target;
  const erc20Transfer = (call.name === 'transfer' || call.name === 'safeTransfer') && (call.kind === 'external' || (call.kind === 'library' && !!call.boundReceiver));
  return erc20Transfer && call.args.length === 2 ? call.args[0] : undefined;
}

/** The helper's parameters that receive a chosen value at this call (a using-for receiver binds the first). */
function chosenParameters(call: CallInfo, helper: FunctionDefinition, taint: FunctionTaint) {
  const args = call.boundReceiver ? [call.boundReceiver, ...call.args] : call.args;
  return helper.parameters.filter((_, i) => args[i] !== undefined && taint.isTainted(args[i]));
}

interface Summary {
  roles: Map<AuthorityRole, { what: string; byNameOnly: boolean }>;
  paysOut: boolean;
  paysOnlyOrigin: boolean;
}

/**
 * Scans one callable with a taint that marks the origin (`tx.origin`, or the helper parameters that carry it).
 * `stack` holds the helpers being scanned, so recursive Solidity functions end the descent.
 */
function scanCallable(scope: FunctionScope, taint: FunctionTaint, stack: readonly FunctionDefinition[]): OriginAuthorityScan {
  const uses: OriginAuthority[] = [];
  let paysOut = false;
  let paysOnlyOrigin = true;
  const body = scope.callable?.body;
  if (!body) return { uses, paysOut, paysOnlyOrigin };
  const add = (use: OriginAuthority) => {
    const same = uses.find((u) => u.node === use.node);
    if (!same) uses.push(use);
    else if (ROLE_RANK[use.role] > ROLE_RANK[same.role] || (use.role === same.role && same.byNameOnly && !use.byNameOnly)) Object.assign(same, use);
  };
  for (const node of findAll(body, () => true)) {
    if (node.type === 'BinaryOperation' && ASSIGNMENT_OPERATORS.has(node.operator)) {
      const root = storedRoot(node.left, scope);
      if (!root) continue;
      if (keysOf(node.left).some((key) => taint.isTainted(key))) {
        const role = keyedWriteRole(node.operator, node.right);
        const what = role === 'spent' ? `the key of a debit of \`${root}\`` : role === 'credited' ? `the key of a credit to \`${root}\`` : `the key of \`${root}\``;
        add({ node, role, what, byNameOnly: false });
      } else if (node.operator === '=' && carriesOrigin(node.right, taint, scope)) {
        add({ node, role: 'stored', what: `stored in \`${root}\``, byNameOnly: false });
      }
      continue;
    }
    if (node.type !== 'FunctionCall') continue;
    const call = classifyCall(node, scope);
    const paid = payee(call);
    if (paid) {
      paysOut = true;
      if (!taint.isTainted(paid)) paysOnlyOrigin = false;
    }
    if (call.name === 'push' && call.target && storedRoot(call.target, scope) && call.args.some((arg) => carriesOrigin(arg, taint, scope))) {
      add({ node, role: 'stored', what: `pushed to \`${storedRoot(call.target, scope)}\``, byNameOnly: false });
    }
    const helper = (call.kind === 'internal' || call.kind === 'library') && call.resolved?.node.body ? call.resolved : undefined;
    for (const position of namedPositions(call)) {
      const arg = call.args[position.index];
      // An external call of a known interface is the standard's function; an unresolved name may be anything.
      const byNameOnly = !helper && !(call.kind === 'external' && call.receiverContract);
      if (arg && taint.isTainted(arg)) add({ node, role: position.role, what: `the account \`${call.name}\` ${position.role === 'spent' ? 'takes from' : 'credits'}`, byNameOnly });
    }
    if (!helper || stack.includes(helper.node) || stack.length >= MAX_HELPER_DEPTH) continue;
    const chosen = chosenParameters(call, helper.node, taint);
    if (chosen.length === 0) continue;
    const summary = helperSummary(scope, call, helper.node, helper.owner, chosen, stack);
    if (summary.paysOut) {
      paysOut = true;
      if (!summary.paysOnlyOrigin) paysOnlyOrigin = false;
    }
    for (const [role, { what, byNameOnly }] of summary.roles) add({ node, role, what: `${what} (in \`${helper.node.name ?? 'helper'}\`)`, byNameOnly });
  }
  return { uses, paysOut, paysOnlyOrigin: paysOut && paysOnlyOrigin };
}

/** What a helper does with the parameters that carry the origin, memoised per helper, contract and parameter set. */
function helperSummary(caller: FunctionScope, call: CallInfo, helper: FunctionDefinition, owner: ContractInfo, chosen: FunctionDefinition['parameters'], stack: readonly FunctionDefinition[]): Summary {
  // A library runs in its own scope; an internal function resolves state and overrides in the caller's contract.
  const contract = call.kind === 'library' ? owner : (caller.contract ?? owner);
  const key = `${contract.name}:${chosen.map((p) => helper.parameters.indexOf(p)).join(',')}`;
  const cache = memoize(caller.project, 'originAuthorityHelpers', helper, () => new Map<string, Summary>());
  const known = cache.get(key);
  if (known) return known;
  const scope = new FunctionScope(caller.project, owner.file, contract, helper);
  const scan = scanCallable(scope, new FunctionTaint(scope, { parameters: new Set(chosen) }), [...stack, helper]);
  const roles = new Map<AuthorityRole, { what: string; byNameOnly: boolean }>();
  for (const use of scan.uses) if (!roles.has(use.role) || (roles.get(use.role)?.byNameOnly && !use.byNameOnly)) roles.set(use.role, { what: use.what, byNameOnly: use.byNameOnly });
  const summary = { roles, paysOut: scan.paysOut, paysOnlyOrigin: scan.paysOnlyOrigin };
  // Kept even when the descent was cut short by recursion or depth: a second answer for the same helper would
  // only differ on those rare paths, and one answer per helper keeps findings stable.
  cache.set(key, summary);
  return summary;
}

/**
 * Whether `tx.origin` appears below `node`. The scan's only source is `tx.origin` in the function's own body
 * (helpers are followed only with parameters that carry it), so a body without it has no authority use.
 */
export function readsTxOrigin(node: ASTNode): boolean {
  return findAll(node, (n) => isMemberOf(n, 'tx', 'origin')).length > 0;
}

/** Where `tx.origin` takes an authority position in `fn` (directly, through locals, or through helpers it calls). */
export function originAuthority(fn: FunctionDefinition, scope: FunctionScope): OriginAuthorityScan {
  return memoize(scope.project, 'originAuthority', fn, () => scanCallable(scope, new FunctionTaint(scope, { txOrigin: true }), [fn]));
}
