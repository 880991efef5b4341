// push-payment-dos: a function anyone calls pays ETH to an address taken from storage (the previous bidder, the
// current king) and reverts if that payment fails, so the stored recipient can block the function for everybody.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { baseIdentifier, isMsgSender } from '../analysis/astQueries';
import { failureReverts } from '../analysis/callResultUse';
import { classifyCall } from '../analysis/calls';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { FunctionScope, isStorageArray, scopeOf, type Callable } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';

const LOOPS = new Set(['ForStatement', 'WhileStatement', 'DoWhileStatement']);

export default defineRule({
  meta: {
    id: 'push-payment-dos',
    title: 'Push payment to a stored address can block the function',
    severity: 'medium',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'contract',
    swc: ['SWC-113'],
    description:
      'The function sends ETH to an address read from storage and reverts when the transfer fails. Whoever controls that address (a contract without `receive`, or one that reverts on purpose) makes every call to the function fail, freezing the logic around it.\n\nAlso reported: a payment through an internal helper handed the stored address (`_refund(highestBidder, bid)`), a per-id slot refunded and replaced by the caller in the same call (`lots[id].highestBidder`), and a loop that pays every entry of a list outsiders join, whoever may call it. Not reported: pull payments, and a failure that is recorded as a debt instead of reverting (`if (!ok) owed[to] += amount`).',
    exploitScenario:
      'An auction refunds the previous highest bidder inside `bid()` with `payable(highestBidder).transfer(highestBid)`. The attacker bids from a contract whose `receive` reverts. Every later bid tries to refund the attacker, reverts, and the attacker wins the auction at their price.',
    recommendation: 'Use pull payments: record what each address is owed (`pendingReturns[bidder] += amount`) and let recipients withdraw it themselves in a separate call.',
    references: ['https://swcregistry.io/docs/SWC-113', 'https://docs.soliditylang.org/en/latest/common-patterns.html#withdrawal-from-contracts'],
    messages: {
      default: 'ETH is pushed to `{{recipient}}`, read from storage, and a failed payment reverts the call: that address can block `{{function}}` for everyone.',
      loop: 'ETH is pushed to each entry of `{{recipient}}`, which outsiders can join, and a failed payment reverts: one entry that rejects ETH blocks `{{function}}` for all.',
    },
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        const callable = context.callable();
        const contract = context.contract();
        if (!callable || callable.type !== 'FunctionDefinition' || !contract || !callable.body) return;
        const scope = scopeOf(context, callable);
        const call = classifyCall(node, scope);
        if (!call.sendsEth || !call.target) return;
        // `transfer` reverts by itself; `send` and `call` only when a failure reaches a revert. A failure that is
        // recorded as a debt (`if (!ok) owed[to] += amount`) blocks nobody.
        const reverts = call.kind === 'eth-transfer' || ((call.kind === 'send' || call.kind === 'low-level-call') && failureReverts(node, context.ancestors(), callable));
        if (!reverts) return;
        const project = context.project;
        if (context.ancestors().some((a) => LOOPS.has(a.type))) {
          // A payment per element of a stored list that outsiders join: one reverting member blocks the whole
          // loop, for an owner-run payout as much as a public one.
          const list = loopedRecipients(call.target, callable, scope);
          if (!list || !outsiderCanSet(list, contract, project)) return;
          context.report({ node, messageId: 'loop', data: { recipient: list, function: callable.name ?? 'fallback' } });
          return;
        }
        if (isPublic(callable)) {
          const recipient = storedRecipient(call.target, callable, scope);
          // Only a recipient an outsider can install (`highestBidder = msg.sender`, `players.push(msg.sender)`): a
          // treasury set by the deployer or an admin is trusted not to block its own payments.
          if (!recipient || !outsiderCanSet(recipient, contract, project)) return;
          // Skip functions only an owner or role can call: they can only block themselves.
          if (isAccessControlled(callable, contract, project)) return;
          context.report({ node, messageId: 'default', data: { recipient, function: callable.name ?? 'fallback' } });
          return;
        }
        // An internal payment helper (`_refund(previousBidder, amount)`): report it for the open function that
        // hands it a stored recipient, or that calls it when it reads the recipient from storage itself.
        const entry = blockingCaller(callable, call.target, scope, contract, project);
        if (entry) context.report({ node, messageId: 'default', data: { recipient: entry.recipient, function: entry.fn.name ?? 'fallback' } });
      },
    };
  },
});

function isPublic(fn: FunctionDefinition): boolean {
  return fn.visibility === 'public' || fn.visibility === 'external' || fn.visibility === 'default';
}

/** `recipients[i]`, `entries[i].owner`: the stored list whose elements the loop pays. */
function loopedRecipients(target: Expression, callable: Callable, scope: FunctionScope): string | undefined {
  const flow = LocalDataFlow.of(callable);
  if (flow.dependsOn(target, (n) => isMsgSender(n))) return undefined;
  const element = flow.findSource(target, (n: ASTNode) => n.type === 'IndexAccess' && !!scope.stateVariable(baseIdentifier(n) ?? '', n) && isStorageArray(scope.resolve(baseIdentifier(n) ?? '', n)));
  return element ? baseIdentifier(element) : undefined;
}

/**
 * For an internal helper that pays `target`: an unrestricted public function of the contract that calls it
 * (directly) with a stored recipient an outsider can install, or that calls it when the helper reads the
 * recipient from storage itself.
 */
function blockingCaller(
  helper: FunctionDefinition,
  target: Expression,
  scope: FunctionScope,
  contract: ContractInfo,
  project: ProjectModel,
): { fn: FunctionDefinition; recipient: string } | undefined {
  if (!helper.name) return undefined;
  const flow = LocalDataFlow.of(helper);
  const parameterIndex = helper.parameters.findIndex((p) => !!p.name && flow.dependsOn(target, (n) => n.type === 'Identifier' && n.name === p.name));
  const stored = parameterIndex < 0 ? storedRecipient(target, helper, scope) : undefined;
  if (parameterIndex < 0 && !stored) return undefined;
  for (const { node: fn, owner } of contract.functions()) {
    if (!fn.body || fn.isConstructor || !isPublic(fn)) continue;
    const calls = findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === helper.name);
    if (calls.length === 0) continue;
    let recipient = stored;
    if (parameterIndex >= 0) {
      const callerScope = new FunctionScope(project, owner.file, contract, fn);
      recipient = calls.map((c) => c.arguments[parameterIndex]).map((arg) => (arg ? storedRecipient(arg, fn, callerScope) : undefined)).find((r) => !!r);
    }
    if (recipient && outsiderCanSet(recipient, contract, project) && !isAccessControlled(fn, contract, project)) return { fn, recipient };
  }
  return undefined;
}

/** The state variable the payment target comes from (through `payable(...)` and locals), unless it is the caller. */
function storedRecipient(target: Expression, callable: Callable, scope: FunctionScope): string | undefined {
  const flow = LocalDataFlow.of(callable);
  if (flow.dependsOn(target, (n) => isMsgSender(n))) return undefined;
  // Only a single stored address (`king`, `auction.highestBidder`): an element picked per call (`players[i]`,
  // `orders[id].seller`) changes between calls, so its owner can block only the calls that pay them.
  // The exception is a slot the same call hands to the caller (`auctions[id].highestBidder = msg.sender` after
  // refunding the previous bidder): whoever holds it blocks every later call for that id.
  const source = flow.findSource(
    target,
    (n: ASTNode) =>
      (n.type === 'Identifier' || n.type === 'MemberAccess') &&
      !!scope.stateVariable(baseIdentifier(n) ?? '', n) &&
      (!hasIndex(n) || replacedByOutsider(n, callable, flow)),
    (n) => n.type !== 'IndexAccess',
  );
  return source ? (baseIdentifier(source) as string) : undefined;
}

/**
 * Whether an unrestricted public or external function stores the caller or a parameter into `name`: by
 * assignment (`king = msg.sender`, `bidders[id] = bidder`) or by `push`.
 */
function outsiderCanSet(name: string, contract: ContractInfo, project: ProjectModel): boolean {
  return contract.functions().some(({ node: fn }) => {
    if (!fn.body || fn.isConstructor || (fn.visibility !== 'public' && fn.visibility !== 'external' && fn.visibility !== 'default')) return false;
    const flow = LocalDataFlow.of(fn);
    const outsiderValue = (value: ASTNode): boolean => flow.dependsOn(value, (n) => isMsgSender(n) || (n.type === 'Identifier' && flow.isParameter(n.name)));
    const writes = findAll(fn.body, () => true).some((n) => {
      if (n.type === 'BinaryOperation' && n.operator === '=') return baseIdentifier(n.left) === name && outsiderValue(n.right);
      if (n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && n.expression.memberName === 'push') {
        return baseIdentifier(n.expression.expression) === name && n.arguments.some(outsiderValue);
      }
      return false;
    });
    return writes && !isAccessControlled(fn, contract, project);
  });
}

/** Whether `callable` assigns the caller or a parameter to the same slot as `slot` (same names and indices). */
function replacedByOutsider(slot: ASTNode, callable: Callable, flow: LocalDataFlow): boolean {
  if (!callable.body) return false;
  return findAll(callable.body, () => true).some(
    (n) =>
      n.type === 'BinaryOperation' &&
      n.operator === '=' &&
      sameSlot(n.left, slot) &&
      flow.dependsOn(n.right, (v) => isMsgSender(v) || (v.type === 'Identifier' && flow.isParameter(v.name))),
  );
}

/** Structural equality of two storage paths: identifiers, members, literal and named indices. */
function sameSlot(a: ASTNode, b: ASTNode): boolean {
  // Pairs of parts compared with a worklist, not recursion: a path of members and indexes has no length limit.
  const pending: [ASTNode, ASTNode][] = [[a, b]];
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [x, y] = pair;
    if (x.type === 'Identifier' && y.type === 'Identifier' && x.name === y.name) continue;
    if (x.type === 'NumberLiteral' && y.type === 'NumberLiteral' && x.number === y.number) continue;
    if (x.type === 'MemberAccess' && y.type === 'MemberAccess' && x.memberName === y.memberName) pending.push([x.expression, y.expression]);
    else if (x.type === 'IndexAccess' && y.type === 'IndexAccess' && x.index && y.index) pending.push([x.base, y.base], [x.index, y.index]);
    else return false;
  }
  return true;
}

function hasIndex(node: ASTNode): boolean {
  return findAll(node, (n) => n.type === 'IndexAccess').length > 0;
}
