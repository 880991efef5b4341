// integer-overflow: unchecked `+ - * **` on state or user input in code a pre-0.8 compiler may build, in a
// contract that does not use SafeMath. A file without a pragma is reported at low confidence: it may be
// built by any compiler, but most toolchains today pick a 0.8 one.

import type { ASTNode, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { containsNode, isMemberOf } from '../analysis/astQueries';
import { arithmeticOperation, isGuarded, type ArithmeticOperation } from '../analysis/arithmeticGuards';
import { isGetterEntryPoint } from '../analysis/entryPoints';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import { mayCompileBelow } from '../parse/pragma';
import type { ContractInfo } from '../project/projectModel';

const SAFE_MATH_CALLS = new Set(['add', 'sub', 'mul', 'div', 'tryAdd', 'trySub', 'tryMul']);

export default defineRule({
  meta: {
    id: 'integer-overflow',
    title: 'Integer overflow or underflow before Solidity 0.8',
    severity: 'high',
    confidence: 'medium',
    category: 'arithmetic',
    scope: 'contract',
    readsCompilerVersion: true,
    swc: ['SWC-101'],
    description:
      'Before Solidity 0.8.0 arithmetic wraps around silently. An addition, subtraction or multiplication on a balance, a counter or a caller-supplied amount can overflow or underflow and produce a huge or tiny value instead of reverting. In a contract that uses SafeMath, only a raw operation on the caller\'s own input is reported, Medium at low confidence (the rest is mostly deliberate). A getter\'s arithmetic is reported Low: its wrapped answer books nothing.',
    exploitScenario:
      'A token\'s `batchTransfer` computes `uint amount = receivers.length * value` and checks `balances[msg.sender] >= amount`. The attacker passes two receivers and `value = 2**255`: `amount` wraps to 0, the check passes and each receiver is credited 2**255 tokens.',
    recommendation:
      'Compile with Solidity 0.8 or later (checked arithmetic by default), or use OpenZeppelin SafeMath (`using SafeMath for uint256` and `.add/.sub/.mul`) for every operation on untrusted values.',
    references: ['https://swcregistry.io/docs/SWC-101', 'https://docs.soliditylang.org/en/latest/080-breaking-changes.html'],
    messages: {
      default: '`{{operator}}` on {{what}} can {{direction}} silently: the pragma admits compilers before 0.8.0 and the contract does not use SafeMath.',
      besideSafeMath: '`{{operator}}` on {{what}} can {{direction}} silently: the pragma admits compilers before 0.8.0, and the contract uses SafeMath elsewhere but not for this operation.',
    },
  },
  create(context) {
    const pragma = context.file.pragma;
    if (!mayCompileBelow(pragma, '0.8.0')) return {};
    const safeMathContracts = new WeakMap<ContractInfo, boolean>();
    const usesSafeMath = (contract: ContractInfo): boolean => {
      let known = safeMathContracts.get(contract);
      if (known === undefined) {
        known = contractUsesSafeMath(contract);
        safeMathContracts.set(contract, known);
      }
      return known;
    };

    const check = (callable: FunctionDefinition | ModifierDefinition): void => {
      const contract = context.contract();
      if (!callable.body) return;
      // A contract that uses SafeMath elsewhere shows the author checks its arithmetic: its raw operations on state
      // are mostly deliberate (accumulators that may wrap, values checked by invariants). A raw operation on the
      // caller's own input there is the slip that BEC's `cnt * _value` was: reported, Medium at low confidence.
      const safeMath = !!contract && usesSafeMath(contract);
      const scope = scopeOf(context, callable);
      const flow = LocalDataFlow.of(callable);
      // Parentheses do not change a value: `b - (r - x)` is checked by `b > r - x`.
      const textOf = (node: ASTNode): string => context.text(withoutParentheses(node)).replace(/\s+/g, '');
      // Parameters count as caller input only on public and external functions: an internal helper's arguments
      // come from the contract's own code, which is where a bound belongs (and is reported, if on state).
      const external = callable.type === 'FunctionDefinition' && ['public', 'external', 'default'].includes(callable.visibility);
      const isUntrusted = (node: ASTNode): boolean => {
        if (isMemberOf(node, 'msg', 'value')) return true;
        if (node.type !== 'Identifier') return false;
        if (flow.isParameter(node.name)) return external;
        const state = scope.stateVariable(node.name, node);
        // Skip constants: a constant cannot be changed into an overflowing value.
        return !!state && !state.node.isDeclaredConst;
      };
      const loopUpdates = findAll(callable.body, (n) => n.type === 'ForStatement').map((n) => (n.type === 'ForStatement' ? n.loopExpression : undefined));

      for (const node of findAll(callable.body, () => true)) {
        const op = arithmeticOperation(node);
        if (!op) continue;
        // Skip the loop update `i += 1`: bounded by its own condition.
        if (loopUpdates.some((update) => update && containsNode(update, node))) continue;
        // Skip a counter stepped by one (`nonce += 1`, `count + 1`) of 64 bits or more: wrapping it takes more
        // transactions than can ever be sent, the same reason `++` is not reported.
        if (isWideUnitIncrement(op, scope)) continue;
        if (!flow.dependsOn(op.left, isUntrusted) && !flow.dependsOn(op.right, isUntrusted)) continue;
        if (isGuarded(op, callable, textOf) || isBoundedShareOf(op, flow, callable, textOf)) continue;
        const callerInput = flow.dependsOn(op.node, (n) => isMemberOf(n, 'msg', 'value') || (n.type === 'Identifier' && flow.isParameter(n.name) && external));
        if (safeMath && !callerInput) continue;
        // A getter's arithmetic reaches no accounting or transfer of its contract: a wrapped answer is Low.
        const getter = callable.type === 'FunctionDefinition' && isGetterEntryPoint(callable);
        context.report({
          node: op.node,
          messageId: safeMath ? 'besideSafeMath' : 'default',
          data: {
            operator: op.node.operator,
            what: flow.dependsOn(op.node, (n) => n.type === 'Identifier' && flow.isParameter(n.name)) ? 'caller input' : 'state',
            direction: op.operator === '-' ? 'underflow' : 'overflow',
          },
          confidence: pragma && !safeMath ? undefined : 'low',
          severity: getter ? 'low' : safeMath ? 'medium' : undefined,
        });
      }
    };
    return { FunctionDefinition: check, ModifierDefinition: check };
  },
});

/**
 * `amount - fee` where `fee` is `amount * rate / D` (or `amount.mul(rate) / D`) and the function compares `rate`:
 * a bounded share of a value cannot exceed the value (Uniswap's `balance - balance.mul(feeBips) / 10_000` after
 * `require(feeBips <= 100)`).
 */
function isBoundedShareOf(op: ArithmeticOperation, flow: LocalDataFlow, callable: FunctionDefinition | ModifierDefinition, textOf: (n: ASTNode) => string): boolean {
  const share = withoutParentheses(op.right);
  if (op.operator !== '-' || share.type !== 'Identifier' || !callable.body) return false;
  const whole = textOf(op.left);
  const definitions = flow.definitionsOf(share.name);
  const compared = new Set(
    findAll(callable.body, (n) => n.type === 'BinaryOperation' && ['<', '<=', '>', '>=', '=='].includes(n.operator)).flatMap((cmp) =>
      cmp.type === 'BinaryOperation' ? [textOf(cmp.left), textOf(cmp.right)] : [],
    ),
  );
  return (
    definitions.length > 0 &&
    definitions.every((value) => {
      const division = withoutParentheses(value);
      if (division.type !== 'BinaryOperation' || division.operator !== '/') return false;
      const product = withoutParentheses(division.left);
      const factors =
        product.type === 'BinaryOperation' && product.operator === '*'
          ? [product.left, product.right]
          : product.type === 'FunctionCall' && product.expression.type === 'MemberAccess' && product.expression.memberName === 'mul' && product.arguments.length === 1
            ? [product.expression.expression, product.arguments[0]]
            : [];
      const index = factors.findIndex((f) => textOf(f) === whole);
      return index >= 0 && compared.has(textOf(factors[1 - index]));
    })
  );
}

function withoutParentheses(node: ASTNode): ASTNode {
  let current = node;
  while (current.type === 'TupleExpression' && !current.isArray && current.components.length === 1 && current.components[0]) {
    current = current.components[0] as ASTNode;
  }
  return current;
}

function isWideUnitIncrement(op: ArithmeticOperation, scope: FunctionScope): boolean {
  if (op.operator !== '+') return false;
  const counter = op.right.type === 'NumberLiteral' && op.right.number === '1' ? op.left : op.left.type === 'NumberLiteral' && op.left.number === '1' ? op.right : undefined;
  const type = counter ? scope.typeOf(counter)?.node : undefined;
  const bits = type?.type === 'ElementaryTypeName' ? /^uint(\d*)$/.exec(type.name) : null;
  return !!bits && (bits[1] === '' || Number(bits[1]) >= 64);
}

/** `using SafeMath for ...` anywhere in the hierarchy, or `.add(` / `.sub(` style calls in its code. */
function contractUsesSafeMath(contract: ContractInfo): boolean {
  if (contract.usingFor().some((u) => /SafeMath/i.test(u.node.libraryName ?? ''))) return true;
  return contract.linearization.some((c) =>
    findAll(c.node, (n) => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && SAFE_MATH_CALLS.has(n.expression.memberName)).length > 0,
  );
}
