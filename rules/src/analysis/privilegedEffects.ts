// What makes a function privileged: it changes who controls the contract (owner, admin, roles), its code
// (upgrade), its pause switch or other privileged settings, or mints tokens nobody paid for.

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import { isMemberOf, isMsgSender } from './astQueries';
import { chargesCaller } from './callerDebits';
import { traceToRoot, type ExecutionEvent } from './effects';
import type { FunctionScope } from './scope';

/** Single privileged settings: whoever or whatever they name controls the contract. */
const CRITICAL_SETTING = /^_?(owner|creator|pendingOwner|admin|pendingAdmin|implementation|governance|governor|guardian|paused|operator|minter|treasury|feeRecipient|feeTo|oracle|priceFeed|signer|manager|controller|keeper|timelock|beacon)$/i;
/** Privilege lists: who holds a role. */
const ROLE_MAPPING = /^_?(roles|admins|isAdmin|minters|isMinter|operators|isOperator|authorized|authorised|whitelist|whitelisted|blacklist|blacklisted|allowlist|denylist|guardians|keepers|wards)$/i;
/** Internal functions that replace the code or the admin of a proxy. */
const UPGRADE_FUNCTION = /^_?(upgradeTo|upgradeToAndCall|upgradeToAndCallUUPS|setImplementation|upgradeBeaconToAndCall|setBeacon|changeAdmin|setAdmin)$/;
const MINT_FUNCTION = /^_?(mint|safeMint|mintTo)$/;

/** A privileged effect and the event that performs it. */
export interface PrivilegedEffect {
  event: ExecutionEvent;
  /** Control changes hands (`ownership`), the code changes (`upgrade`), a setting changes, or tokens are minted. */
  kind: 'ownership' | 'upgrade' | 'setting' | 'mint';
  description: string;
}

/** Settings that say who controls the contract, rather than how it behaves. */
// `creator` is the owner of many pre-0.5 contracts (Rubixi).
const CONTROL_SETTING = /^_?(owner|creator|pendingOwner|admin|pendingAdmin)$/i;

/** The outermost key of a mapping write: `owner` in `isOperator[owner][operator] = approved`. */
function outermostKey(write: ASTNode): ASTNode | undefined {
  let target: ASTNode | undefined = write.type === 'BinaryOperation' ? write.left : write.type === 'UnaryOperation' ? write.subExpression : undefined;
  let key: ASTNode | undefined;
  while (target?.type === 'IndexAccess') {
    key = target.index ?? undefined;
    target = target.base;
  }
  return key;
}

/** Whether a write changes only the caller's own entry: its outermost key is `msg.sender`, here or passed down to a helper. */
function isCallersOwnEntry(event: ExecutionEvent): boolean {
  const key = outermostKey(event.node);
  return !!key && isMsgSender(traceToRoot(event, key));
}

/**
 * A mint called from the function itself whose amount the function also charges to the caller: flash accounting
 * (`_accountDelta(currency, -amount, msg.sender); _mint(to, id, amount)`) or burning the caller's other token.
 */
function isMintChargedToCaller(mint: ExecutionEvent, fn: FunctionDefinition, scope: FunctionScope): boolean {
  const site = mint.via[0]?.site;
  const callee = mint.via[0]?.callee;
  if (site?.type !== 'FunctionCall' || callee?.type !== 'FunctionDefinition' || !MINT_FUNCTION.test(callee.name ?? '')) return false;
  const amount = site.arguments[site.arguments.length - 1];
  return !!amount && chargesCaller(fn, amount, scope, site);
}

/**
 * The first privileged effect among a function's execution events, if any. With the function's `scope`, a mint
 * the caller pays for in the same function's accounting is not one.
 */
export function privilegedEffect(events: readonly ExecutionEvent[], fn: FunctionDefinition, scope?: FunctionScope): PrivilegedEffect | undefined {
  for (const event of events) {
    const upgrade = event.via.find((step) => UPGRADE_FUNCTION.test(step.callee.type === 'FunctionDefinition' ? (step.callee.name ?? '') : ''));
    if (upgrade) return { event, kind: 'upgrade', description: 'upgrades the implementation or admin' };
    if (event.kind !== 'state-write' || !event.variable) continue;
    const name = event.variable.name.slice(event.variable.name.lastIndexOf('.') + 1);
    const isMapping = event.variable.declaration?.typeName?.type === 'Mapping';
    if (!isMapping && CRITICAL_SETTING.test(name)) return { event, kind: CONTROL_SETTING.test(name) ? 'ownership' : 'setting', description: `writes \`${name}\`` };
    // Skip an entry keyed by the caller (`isOperator[msg.sender][op] = ok`): anyone may change their own.
    if (isMapping && ROLE_MAPPING.test(name) && !isCallersOwnEntry(event)) return { event, kind: 'ownership', description: `grants or revokes \`${name}\`` };
  }
  // Minting is privileged only when nothing is paid for it: no external call (a deposit) and no ETH.
  const paid = fn.stateMutability === 'payable' || events.some((e) => e.kind === 'external-call') || findAll(fn.body ?? fn, (n) => isMemberOf(n, 'msg', 'value')).length > 0;
  if (paid) return undefined;
  const mint = events.find((e) => e.via.some((step) => step.callee.type === 'FunctionDefinition' && MINT_FUNCTION.test(step.callee.name ?? '')));
  if (!mint || (scope && isMintChargedToCaller(mint, fn, scope))) return undefined;
  return { event: mint, kind: 'mint', description: 'mints tokens' };
}
