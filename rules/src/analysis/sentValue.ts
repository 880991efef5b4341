// How much ETH a sending call moves, read back from the call to the analysed entry point: provably nothing (a
// zero passed down, as OpenZeppelin `Address.functionCall` passes `0` to `functionCallWithValue`), or no more
// than the caller's own `msg.value` (forwarded, refunded as `msg.value - fee`, or split from a budget that
// starts at `msg.value` and is reduced in checked arithmetic by every amount sent).

import type { ASTNode, BinaryOperation, FunctionDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import { mayCompileBelow } from '../parse/pragma';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';
import { isGuarded } from './arithmeticGuards';
import { ASSIGNMENT_OPERATORS, containsNode, isMemberOf, isZeroLiteral } from './astQueries';
import { classifyCall } from './calls';
import { chargesCaller } from './callerDebits';
import { argumentAt, plainName, traceToRoot, type ExecutionEvent, type ViaStep } from './effects';
import { LocalDataFlow } from './localDataFlow';
import { FunctionScope, type Callable } from './scope';
import { recurse, runSteps, type Step } from './stackSafe';

/**
 * `zero`: the call sends nothing. `caller-deposit`: it sends at most what the caller attached to this call.
 * `caller-debit`: the entry point charges the amount to the caller's own account.
 */
export type SentValueBound = 'zero' | 'caller-deposit' | 'caller-debit';

/** One function on the way to the call; `caller` maps its parameters to the arguments one level up. */
interface Frame {
  callable: Callable;
  file: SourceFile;
  caller?: { step: ViaStep; frame: Frame };
}

/** Helpers are followed this deep when their return value is what is sent (`_suppliedNative()` returning `msg.value`). */
const MAX_RETURN_DEPTH = 3;

/** The value expression of an ETH-sending event: `{value: v}`, `transfer(v)`, `send(v)`, or assembly `call(g, to, v, …)`. */
function sentExpression(event: ExecutionEvent): ASTNode | undefined {
  if (event.call) return event.call.value;
  const node = event.node;
  if (node.type === 'AssemblyCall' && (node.functionName === 'call' || node.functionName === 'callcode')) return node.arguments[2];
  return undefined;
}

/** What bounds the ETH `event` sends, when `fn` (in `contract`, written in `file`) is the entry point; undefined when nothing does. */
export function sentValueBound(event: ExecutionEvent, fn: FunctionDefinition, file: SourceFile, contract: ContractInfo, project: ProjectModel): SentValueBound | undefined {
  const value = sentExpression(event);
  if (!value) return undefined;
  let frame: Frame = { callable: fn, file };
  for (const step of event.via) frame = { callable: step.callee, file: step.file, caller: { step, frame } };
  const bounds = new ValueBounds(contract, project);
  if (bounds.isZero(value, frame)) return 'zero';
  if (bounds.isCallerDeposit(value, frame, new Set(), 0) || bounds.isDeductedFromDeposit(value, frame)) return 'caller-deposit';
  // The amount as the entry point names it, charged there to the caller (not by the call that pays it out).
  const atRoot = traceToRoot(event, value);
  const payingCall = event.via[0]?.site ?? event.node;
  if (atRoot && chargesCaller(fn, atRoot, new FunctionScope(project, file, contract, fn), payingCall)) return 'caller-debit';
  return undefined;
}

/** `uint256(x)`, `payable(x)`: a conversion of one argument keeps the value. */
function unwrapConversion(expr: ASTNode): ASTNode {
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1) return expr;
  const callee = expr.expression;
  const converts = callee.type === 'ElementaryTypeName' || (callee.type === 'Identifier' && /^(u?int\d*|payable|address)$/.test(callee.name));
  return converts ? unwrapConversion(expr.arguments[0]) : expr;
}

/** Source text without whitespace, to match expressions written the same way. */
function compactText(node: ASTNode, file: SourceFile): string {
  return node.range ? file.text.slice(node.range[0], node.range[1] + 1).replace(/\s+/g, '') : node.type;
}

/** Every value a local is given: its initialiser and each assignment, with the assignment operator (`=`, `-=`, …). */
function localDefinitions(callable: Callable, name: string): { node: ASTNode; operator: string; value: ASTNode }[] {
  if (!callable.body) return [];
  const out: { node: ASTNode; operator: string; value: ASTNode }[] = [];
  for (const node of findAll(callable.body, () => true)) {
    if (node.type === 'VariableDeclarationStatement' && node.initialValue && node.variables.length === 1 && (node.variables[0] as VariableDeclaration | null)?.name === name) {
      out.push({ node, operator: '=', value: node.initialValue });
    } else if (node.type === 'BinaryOperation' && ASSIGNMENT_OPERATORS.has(node.operator) && plainName(node.left) === name) {
      out.push({ node, operator: node.operator, value: node.right });
    } else if (node.type === 'AssemblyAssignment' && node.names.length === 1 && plainName(node.names[0]) === name) {
      out.push({ node, operator: '=', value: node.expression });
    }
  }
  return out;
}

class ValueBounds {
  constructor(
    private readonly contract: ContractInfo,
    private readonly project: ProjectModel,
  ) {}

  /** The argument a parameter of `frame` receives from the frame above, with that frame. */
  private argumentOf(name: string, frame: Frame): { expr: ASTNode; frame: Frame } | undefined {
    if (!frame.caller) return undefined;
    const index = (frame.callable.parameters ?? []).findIndex((p) => p.name === name);
    const actual = index < 0 ? undefined : argumentAt(frame.caller.step, index);
    return actual ? { expr: actual, frame: frame.caller.frame } : undefined;
  }

  /** A literal zero, possibly passed down as an argument through the frames above. */
  isZero(expr: ASTNode, frame: Frame): boolean {
    const value = unwrapConversion(expr);
    if (isZeroLiteral(value)) return true;
    const name = plainName(value);
    const outer = name === undefined ? undefined : this.argumentOf(name, frame);
    return !!outer && this.isZero(outer.expr, outer.frame);
  }

  /** Whether `expr` can never exceed `msg.value`. Locals count when every value they are assigned does. */
  isCallerDeposit(expr: ASTNode, frame: Frame, seenLocals: Set<ASTNode>, returnDepth: number): boolean {
    return runSteps(this.callerDeposit(expr, frame, seenLocals, returnDepth));
  }

  /** `isCallerDeposit` as a step for runSteps: `a - b - c …`, ternary chains and chains of locals have no length limit. */
  private *callerDeposit(expr: ASTNode, frame: Frame, seenLocals: Set<ASTNode>, returnDepth: number): Step<boolean> {
    const value = unwrapConversion(expr);
    if (isMemberOf(value, 'msg', 'value') || (value.type === 'AssemblyCall' && value.functionName === 'callvalue' && value.arguments.length === 0)) return true;
    switch (value.type) {
      case 'TupleExpression':
        return value.components.length === 1 && !!value.components[0] && (yield* recurse(this.callerDeposit(value.components[0] as ASTNode, frame, seenLocals, returnDepth)));
      case 'Conditional':
        return (yield* recurse(this.callerDeposit(value.trueExpression, frame, seenLocals, returnDepth))) && (yield* recurse(this.callerDeposit(value.falseExpression, frame, seenLocals, returnDepth)));
      case 'BinaryOperation':
        // `deposit - fee` stays below `deposit` when the subtraction cannot wrap around.
        return value.operator === '-' && this.cannotWrap(value, frame) && (yield* recurse(this.callerDeposit(value.left, frame, seenLocals, returnDepth)));
      case 'FunctionCall':
        return yield* recurse(this.callReturnsDeposit(value, frame, seenLocals, returnDepth));
      default:
        break;
    }
    const name = plainName(value);
    if (name === undefined) return false;
    const outer = this.argumentOf(name, frame);
    if (outer) return yield* recurse(this.callerDeposit(outer.expr, outer.frame, new Set(), returnDepth));
    const flow = LocalDataFlow.of(frame.callable);
    const declaration = flow.declaration(name);
    if (!declaration || flow.isParameter(name)) return false;
    // A local that refers back to itself (`left = left - sent`) is bounded when its other definitions are.
    if (seenLocals.has(declaration)) return true;
    seenLocals.add(declaration);
    const definitions = localDefinitions(frame.callable, name);
    if (definitions.length === 0) return false;
    for (const d of definitions) {
      const bounded = d.operator === '-=' ? this.cannotWrap(d.node as BinaryOperation, frame) : yield* recurse(this.callerDeposit(d.value, frame, seenLocals, returnDepth));
      if (!bounded) return false;
    }
    return true;
  }

  /** `a.sub(b)` (SafeMath reverts below zero) or an internal helper whose every return is bounded. */
  private *callReturnsDeposit(call: ASTNode, frame: Frame, seenLocals: Set<ASTNode>, returnDepth: number): Step<boolean> {
    if (call.type !== 'FunctionCall') return false;
    const callee = call.expression;
    if (callee.type === 'MemberAccess' && callee.memberName === 'sub' && call.arguments.length === 1) return yield* recurse(this.callerDeposit(callee.expression, frame, seenLocals, returnDepth));
    if (returnDepth >= MAX_RETURN_DEPTH) return false;
    const resolved = classifyCall(call, this.scopeOf(frame)).resolved;
    const helper = resolved?.node;
    if (!resolved || !helper?.body || (helper.parameters ?? []).length > 0) return false;
    const helperFrame: Frame = { callable: helper, file: resolved.owner.file };
    const returns = findAll(helper.body, (n) => n.type === 'ReturnStatement');
    const named = (helper.returnParameters ?? []).filter((p) => p.name);
    if (returns.length === 0 && named.length !== 1) return false;
    const returnsBounded = returns.every((r) => r.type === 'ReturnStatement' && !!r.expression && this.isCallerDeposit(r.expression, helperFrame, new Set(), returnDepth + 1));
    const namedBounded = named.length === 0 || this.isCallerDeposit({ type: 'Identifier', name: named[0].name as string } as ASTNode, helperFrame, new Set(), returnDepth + 1);
    return returnsBounded && (returns.length > 0 || namedBounded);
  }

  private scopeOf(frame: Frame): FunctionScope {
    const owner = this.contract.linearization.find((c) => c.node.subNodes.includes(frame.callable)) ?? this.project.contractsIn(frame.file.path).find((c) => c.node.subNodes.includes(frame.callable));
    const dispatch = owner?.kind === 'library' ? owner : this.contract;
    return new FunctionScope(this.project, frame.file, dispatch, frame.callable);
  }

  /** Whether `a - b` reverts or is skipped instead of wrapping: checked arithmetic, or a comparison of `a` and `b` guarding it. */
  private cannotWrap(operation: BinaryOperation, frame: Frame): boolean {
    const body = frame.callable.body;
    if (!body) return false;
    const textOf = (node: ASTNode): string => compactText(node, frame.file);
    if (isGuarded({ node: operation, operator: '-', left: operation.left, right: operation.right }, frame.callable, textOf)) return true;
    if (mayCompileBelow(frame.file.pragma, '0.8.0')) return false;
    return !findAll(body, (n) => n.type === 'UncheckedStatement').some((block) => containsNode(block, operation));
  }

  /**
   * Whether the amount sent is also subtracted, in checked arithmetic, from a local that starts at `msg.value`
   * (`left = msg.value; … left -= amount; send(amount)`): every send is then paid for by the caller's deposit.
   */
  isDeductedFromDeposit(expr: ASTNode, frame: Frame): boolean {
    const body = frame.callable.body;
    if (!body) return false;
    const textOf = (node: ASTNode): string => compactText(node, frame.file);
    const sent = textOf(unwrapConversion(expr));
    const deductions = findAll(body, (n): n is BinaryOperation => {
      if (n.type !== 'BinaryOperation') return false;
      if (n.operator === '-=') return textOf(n.right) === sent;
      return n.operator === '=' && n.right.type === 'BinaryOperation' && n.right.operator === '-' && textOf(n.right.right) === sent && textOf(n.right.left) === textOf(n.left);
    });
    return deductions.some((deduction) => {
      const budget = plainName(deduction.left);
      if (budget === undefined || LocalDataFlow.of(frame.callable).isParameter(budget)) return false;
      const subtraction: BinaryOperation = deduction.operator === '-=' ? { ...deduction, operator: '-' } : (deduction.right as BinaryOperation);
      return this.cannotWrap(subtraction, frame) && this.isCallerDeposit(deduction.left, frame, new Set(), 0);
    });
  }
}
