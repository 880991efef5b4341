// push-payment-dos: a function anyone calls pays ETH to an address taken from storage (the previous bidder, the
// current king) and reverts if that payment fails, so the stored recipient can block the function for everybody.

import type { ASTNode, Expression, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { baseIdentifier, isMsgSender } from '../analysis/astQueries';
import { callResultUse } from '../analysis/callResultUse';
import { classifyCall } from '../analysis/calls';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf, type Callable, type FunctionScope } from '../analysis/scope';
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
      'The function sends ETH to an address read from storage and reverts when the transfer fails. Whoever controls that address (a contract without `receive`, or one that reverts on purpose) makes every call to the function fail, freezing the logic around it.',
    exploitScenario:
      'An auction refunds the previous highest bidder inside `bid()` with `payable(highestBidder).transfer(highestBid)`. The attacker bids from a contract whose `receive` reverts. Every later bid tries to refund the attacker, reverts, and the attacker wins the auction at their price.',
    recommendation: 'Use pull payments: record what each address is owed (`pendingReturns[bidder] += amount`) and let recipients withdraw it themselves in a separate call.',
    references: ['https://swcregistry.io/docs/SWC-113', 'https://docs.soliditylang.org/en/latest/common-patterns.html#withdrawal-from-contracts'],
    messages: { default: 'ETH is pushed to `{{recipient}}`, read from storage, and a failed payment reverts the call: that address can block `{{function}}` for everyone.' },
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        const callable = context.callable();
        const contract = context.contract();
        if (!callable || callable.type !== 'FunctionDefinition' || !contract) return;
        if (callable.visibility !== 'public' && callable.visibility !== 'external' && callable.visibility !== 'default') return;
        // Skip loops: a payment per element is calls-loop's finding.
        if (context.ancestors().some((a) => LOOPS.has(a.type))) return;
        const scope = scopeOf(context, callable);
        const call = classifyCall(node, scope);
        if (!call.sendsEth || !call.target) return;
        // `transfer` reverts by itself; `send` and `call` only when their result is checked.
        const reverts = call.kind === 'eth-transfer' || ((call.kind === 'send' || call.kind === 'low-level-call') && callResultUse(node, context.ancestors(), callable).kind === 'used');
        if (!reverts) return;
        const recipient = storedRecipient(call.target, callable, scope);
        if (!recipient) return;
        // Only a recipient an outsider can install (`highestBidder = msg.sender`, `players.push(msg.sender)`): a
        // treasury set by the deployer or an admin is trusted not to block its own payments.
        if (!outsiderCanSet(recipient, contract, context.project)) return;
        // Skip functions only an owner or role can call: they can only block themselves.
        if (isAccessControlled(callable, contract, context.project)) return;
        context.report({ node, messageId: 'default', data: { recipient, function: callable.name ?? 'fallback' } });
      },
    };
  },
});

/** The state variable the payment target comes from (through `payable(...)` and locals), unless it is the caller. */
function storedRecipient(target: Expression, callable: Callable, scope: FunctionScope): string | undefined {
  const flow = LocalDataFlow.of(callable);
  if (flow.dependsOn(target, (n) => isMsgSender(n))) return undefined;
  // Only a single stored address (`king`, `auction.highestBidder`): an element picked per call (`players[i]`,
  // `orders[id].seller`) changes between calls, so its owner can block only the calls that pay them.
  const source = flow.findSource(
    target,
    (n: ASTNode) => (n.type === 'Identifier' || n.type === 'MemberAccess') && !hasIndex(n) && !!scope.stateVariable(baseIdentifier(n) ?? '', n),
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

function hasIndex(node: ASTNode): boolean {
  return findAll(node, (n) => n.type === 'IndexAccess').length > 0;
}
