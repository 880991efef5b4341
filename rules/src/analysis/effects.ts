// The ordered side effects of one function: external calls, ETH transfers, state reads and writes and event
// emits, in execution order, following internal, inherited, `super` and library calls and inlining modifiers
// (code before `_` runs before the body, code after runs after). Each event carries how it was reached.

import type {
  ASTNode,
  AssemblyCall,
  Block,
  Expression,
  FunctionCall,
  FunctionDefinition,
  IfStatement,
  ModifierDefinition,
  ModifierInvocation,
  Statement,
  TryStatement,
} from '@solidity-parser/parser/dist/src/ast-types';
import { childrenOf, findAll } from '../engine/walk';
import type { ContractInfo, Member, ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';
import { memoize } from './analysisCache';
import { ASSIGNMENT_OPERATORS, isZeroLiteral } from './astQueries';
import { classifyCall, isExternalCall, type CallInfo } from './calls';
import { FunctionScope, type Callable } from './scope';
import { recurse, runSteps, type Step } from './stackSafe';
import { stateVariableOf, storagePointers, writtenExpressions, type StateVariableRef, type StoragePointers } from './stateAccess';

/** The side effects a function's execution is reduced to. */
export type ExecutionEventKind = 'external-call' | 'state-write' | 'state-read' | 'emit' | 'selfdestruct';

/** One internal call or modifier on the way from the analysed function to an event. */
export interface ViaStep {
  site: FunctionCall | ModifierInvocation;
  callee: Callable;
  /** The file the callee is written in. */
  file: SourceFile;
}

/** One arm taken: events with the same `node` and `invocation` but another arm are mutually exclusive. */
export interface BranchStep {
  node: ASTNode;
  arm: string;
  invocation: number;
}

/** One side effect, in execution order, with how it was reached (via) and under which branch arms. */
export interface ExecutionEvent {
  kind: ExecutionEventKind;
  /** The call, the writing operation, the identifier read, or the emit statement. */
  node: ASTNode;
  /** The file `node` is in (an inherited base, a library). */
  file: SourceFile;
  /** Position in execution order. */
  order: number;
  /** For external calls: the classified call (undefined for calls in inline assembly). */
  call?: CallInfo;
  /** For external calls: whether ETH may be sent with it. */
  sendsEth: boolean;
  /** For reads and writes: the state touched. */
  variable?: StateVariableRef;
  via: ViaStep[];
  branch: BranchStep[];
  /** Loops (in any caller) enclosing the event, outermost first. */
  loops: ASTNode[];
}

/** Tuning for `executionEvents`; the defaults are cached. */
export interface EffectsOptions {
  /** How deep internal calls are followed. */
  maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 8;
/** Stops pathological call graphs from producing unbounded event lists. */
const MAX_EVENTS = 20000;

interface Frame {
  scope: FunctionScope;
  file: SourceFile;
  pointers: StoragePointers;
  via: ViaStep[];
  branch: BranchStep[];
  loops: ASTNode[];
  depth: number;
  invocation: number;
  /** Runs the rest of the modifier chain when a modifier reaches `_`. */
  onPlaceholder?: (frame: Frame) => Step<void>;
}

/** What runs around a function body: its modifiers, outermost first, each running the next at its `_`. */
interface ModifierChain {
  fn: FunctionDefinition;
  modifiers: { invocation: ModifierInvocation; member: Member<ModifierDefinition> }[];
  bodyFrame: Frame;
  at: Pick<Frame, 'via' | 'branch' | 'loops' | 'depth'>;
  dispatch: ContractInfo;
}

/** Is `later` able to run after `earlier` on one path? Events in two arms of the same branch are not. */
export function mayHappenAfter(later: ExecutionEvent, earlier: ExecutionEvent): boolean {
  return later.order > earlier.order && !areExclusive(later, earlier);
}

/** True when the two events sit in different arms of the same branch (same invocation). */
export function areExclusive(a: ExecutionEvent, b: ExecutionEvent): boolean {
  return a.branch.some((x) => b.branch.some((y) => x.node === y.node && x.invocation === y.invocation && x.arm !== y.arm));
}

/** The execution events of `fn` as a member of `contract` (which decides virtual dispatch), cached per project. */
export function executionEvents(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel, options: EffectsOptions = {}): ExecutionEvent[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (maxDepth !== DEFAULT_MAX_DEPTH) return new EffectsTracer(contract, project, maxDepth).run(fn);
  const byContract = memoize(project, 'effects', fn, () => new Map<ContractInfo, ExecutionEvent[]>());
  let events = byContract.get(contract);
  if (!events) {
    events = new EffectsTracer(contract, project, maxDepth).run(fn);
    byContract.set(contract, events);
  }
  return events;
}

/** The events of a modifier's own body as run on a function of `contract`; `_` is marked by `placeholderOrder`. */
export function modifierEvents(modifier: ModifierDefinition, contract: ContractInfo, project: ProjectModel): { events: ExecutionEvent[]; placeholderOrder: number } {
  const tracer = new EffectsTracer(contract, project, DEFAULT_MAX_DEPTH);
  let placeholderOrder = -1;
  tracer.runModifier(modifier, () => {
    placeholderOrder = tracer.nextOrder();
  });
  return { events: tracer.events, placeholderOrder };
}

/**
 * Walks statements and expressions in execution order. Every walking method is a step for `runSteps`: it yields
 * the walks it needs instead of calling them, so neither a deep expression nor a long call chain can overflow
 * the call stack; the steps still run in the order the calls did.
 */
class EffectsTracer {
  readonly events: ExecutionEvent[] = [];
  private order = 0;
  private invocations = 0;
  private readonly active = new Set<Callable>();

  constructor(
    private readonly contract: ContractInfo,
    private readonly project: ProjectModel,
    private readonly maxDepth: number,
  ) {}

  nextOrder(): number {
    return this.order++;
  }

  run(fn: FunctionDefinition): ExecutionEvent[] {
    const owner = this.ownerOf(fn) ?? this.contract;
    runSteps(this.runFunction(fn, owner, this.contract, { via: [], branch: [], loops: [], depth: 0 }, new Map()));
    return this.events;
  }

  runModifier(modifier: ModifierDefinition, onPlaceholder: () => void): void {
    const owner = this.ownerOf(modifier) ?? this.contract;
    const frame = this.frame(modifier, owner, this.contract, { via: [], branch: [], loops: [], depth: 0 }, new Map());
    frame.onPlaceholder = function* () {
      onPlaceholder();
    };
    if (modifier.body) runSteps(this.block(modifier.body, frame));
  }

  private ownerOf(callable: Callable): ContractInfo | undefined {
    return this.contract.linearization.find((c) => c.node.subNodes.includes(callable));
  }

  private frame(callable: Callable, owner: ContractInfo, dispatch: ContractInfo, at: Pick<Frame, 'via' | 'branch' | 'loops' | 'depth'>, bindings: StoragePointers): Frame {
    const scope = new FunctionScope(this.project, owner.file, dispatch, callable);
    return { scope, file: owner.file, pointers: storagePointers(scope, bindings), ...at, invocation: this.invocations++ };
  }

  /** Runs a function with its modifiers wrapped around the body. */
  private *runFunction(fn: FunctionDefinition, owner: ContractInfo, dispatch: ContractInfo, at: Pick<Frame, 'via' | 'branch' | 'loops' | 'depth'>, bindings: StoragePointers): Step<void> {
    if (!fn.body || this.active.has(fn)) return;
    this.active.add(fn);
    const bodyFrame = this.frame(fn, owner, dispatch, at, bindings);
    const modifiers = fn.modifiers
      .map((invocation) => ({ invocation, member: dispatch.resolveModifier(invocation.name) }))
      .filter((m): m is ModifierChain['modifiers'][number] => !!m.member?.node.body);
    yield this.runChain({ fn, modifiers, bodyFrame, at, dispatch }, 0, bodyFrame);
    this.active.delete(fn);
  }

  /** Runs modifier `index` of the chain, whose `_` runs the next one; past the last modifier, the body. */
  private *runChain(chain: ModifierChain, index: number, from: Frame): Step<void> {
    const { fn, modifiers, bodyFrame, at, dispatch } = chain;
    if (index === modifiers.length) {
      yield this.block(fn.body as Block, { ...bodyFrame, branch: from.branch, loops: from.loops });
      return;
    }
    const { invocation, member } = modifiers[index];
    if (this.active.has(member.node)) {
      yield this.runChain(chain, index + 1, from);
      return;
    }
    this.active.add(member.node);
    const step: ViaStep = { site: invocation, callee: member.node, file: member.owner.file };
    const modifierFrame = this.frame(member.node, member.owner, dispatch, { via: [...at.via, step], branch: from.branch, loops: from.loops, depth: at.depth }, new Map());
    modifierFrame.onPlaceholder = (placeholderFrame) => this.runChain(chain, index + 1, placeholderFrame);
    yield this.block(member.node.body as Block, modifierFrame);
    this.active.delete(member.node);
  }

  private push(kind: ExecutionEventKind, node: ASTNode, frame: Frame, extra: Partial<ExecutionEvent> = {}): void {
    if (this.events.length >= MAX_EVENTS) return;
    this.events.push({ kind, node, file: frame.file, order: this.order++, sendsEth: false, via: frame.via, branch: frame.branch, loops: frame.loops, ...extra });
  }

  private *block(block: Block, frame: Frame): Step<void> {
    let current = frame;
    for (const statement of block.statements as Statement[]) {
      yield this.statement(statement, current);
      if (alwaysTerminates(statement)) return;
      if (statement.type === 'IfStatement') {
        // After `if (c) { ...; return; }` the rest of the block runs only on the other arm.
        const trueExits = alwaysTerminates(statement.trueBody);
        const falseExits = statement.falseBody ? alwaysTerminates(statement.falseBody) : false;
        if (trueExits !== falseExits) {
          current = { ...current, branch: [...current.branch, { node: statement, arm: trueExits ? 'false' : 'true', invocation: current.invocation }] };
        }
      }
    }
  }

  private *statement(node: ASTNode | null | undefined, frame: Frame): Step<void> {
    if (!node) return;
    switch (node.type) {
      case 'Block':
        yield this.block(node, frame);
        return;
      case 'UncheckedStatement':
        yield this.block(node.block, frame);
        return;
      case 'ExpressionStatement':
        if (node.expression?.type === 'Identifier' && node.expression.name === '_' && frame.onPlaceholder) yield frame.onPlaceholder(frame);
        else yield this.expression(node.expression, frame);
        return;
      case 'VariableDeclarationStatement':
        yield this.expression(node.initialValue, frame);
        return;
      case 'IfStatement':
        yield this.ifStatement(node, frame);
        return;
      case 'ForStatement': {
        yield this.statement(node.initExpression, frame);
        const inLoop = { ...frame, loops: [...frame.loops, node] };
        yield this.expression(node.conditionExpression, inLoop);
        yield this.statement(node.body, inLoop);
        yield this.statement(node.loopExpression, inLoop);
        return;
      }
      case 'WhileStatement':
      case 'DoWhileStatement': {
        const inLoop = { ...frame, loops: [...frame.loops, node] };
        yield this.expression(node.condition, inLoop);
        yield this.statement(node.body, inLoop);
        return;
      }
      case 'ReturnStatement':
        yield this.expression(node.expression, frame);
        return;
      case 'EmitStatement':
        yield this.arguments(node.eventCall, frame);
        this.push('emit', node, frame);
        return;
      case 'RevertStatement':
        yield this.arguments(node.revertCall, frame);
        return;
      case 'TryStatement':
        yield this.tryStatement(node, frame);
        return;
      case 'InlineAssemblyStatement':
        this.assembly(node, frame);
        return;
      default:
        return;
    }
  }

  private *ifStatement(node: IfStatement, frame: Frame): Step<void> {
    yield this.expression(node.condition, frame);
    yield this.statement(node.trueBody, { ...frame, branch: [...frame.branch, { node, arm: 'true', invocation: frame.invocation }] });
    yield this.statement(node.falseBody, { ...frame, branch: [...frame.branch, { node, arm: 'false', invocation: frame.invocation }] });
  }

  private *tryStatement(node: TryStatement, frame: Frame): Step<void> {
    yield this.expression(node.expression, frame);
    yield this.block(node.body, { ...frame, branch: [...frame.branch, { node, arm: 'try', invocation: frame.invocation }] });
    for (const [index, clause] of node.catchClauses.entries()) {
      yield this.block(clause.body, { ...frame, branch: [...frame.branch, { node, arm: `catch${index}`, invocation: frame.invocation }] });
    }
  }

  /** `call`, `delegatecall`, `staticcall` and `callcode` in inline assembly are external calls too. */
  private assembly(node: ASTNode, frame: Frame): void {
    for (const call of findAll(node, (n): n is AssemblyCall => n.type === 'AssemblyCall')) {
      if (!['call', 'callcode', 'delegatecall', 'staticcall'].includes(call.functionName) || call.arguments.length < 6) continue;
      const value = call.functionName === 'call' || call.functionName === 'callcode' ? call.arguments[2] : undefined;
      this.push('external-call', call, frame, { sendsEth: !!value && !isZeroLiteral(value) });
      this.clearZeroValue(call, value);
    }
  }

  /**
   * A value that is a parameter of the helper and zero at the call site sends nothing: OpenZeppelin's
   * `functionCall(target, data)` passes 0 to `functionCallWithValue`, which runs `call{value: value}` (or
   * `call(gas(), target, value, …)` in assembly). Applies to the event of `node` just pushed.
   */
  private clearZeroValue(node: ASTNode, value: ASTNode | undefined): void {
    const event = this.events[this.events.length - 1];
    if (event?.node === node && event.sendsEth && value && isZeroLiteral(traceOutward(event, value).expr)) event.sendsEth = false;
  }

  private *arguments(call: FunctionCall, frame: Frame): Step<void> {
    for (const arg of call.arguments) yield this.expression(arg, frame);
  }

  private *expression(node: ASTNode | null | undefined, frame: Frame): Step<void> {
    if (!node) return;
    switch (node.type) {
      case 'Identifier': {
        const variable = stateVariableOf(node, frame.scope, frame.pointers);
        if (variable) this.push('state-read', node, frame, { variable });
        return;
      }
      case 'BinaryOperation':
        if (ASSIGNMENT_OPERATORS.has(node.operator)) {
          if (node.operator !== '=') yield this.expression(node.left, frame);
          yield this.expression(node.right, frame);
          yield this.lvalueParts(node.left, frame);
          this.writes(node, frame);
          return;
        }
        yield this.expression(node.left, frame);
        yield this.expression(node.right, frame);
        return;
      case 'UnaryOperation':
        if (node.operator === '++' || node.operator === '--' || node.operator === 'delete') {
          if (node.operator !== 'delete') yield this.expression(node.subExpression, frame);
          yield this.lvalueParts(node.subExpression, frame);
          this.writes(node, frame);
          return;
        }
        yield this.expression(node.subExpression, frame);
        return;
      case 'Conditional':
        yield this.expression(node.condition, frame);
        yield this.expression(node.trueExpression, { ...frame, branch: [...frame.branch, { node, arm: 'true', invocation: frame.invocation }] });
        yield this.expression(node.falseExpression, { ...frame, branch: [...frame.branch, { node, arm: 'false', invocation: frame.invocation }] });
        return;
      case 'FunctionCall':
        yield this.call(node, frame);
        return;
      default:
        for (const child of childrenOf(node)) yield this.expression(child, frame);
    }
  }

  /** Index expressions inside a write target run before the write; the target itself is not a read. */
  private *lvalueParts(node: Expression, frame: Frame): Step<void> {
    if (node.type === 'IndexAccess') {
      yield this.lvalueParts(node.base, frame);
      yield this.expression(node.index, frame);
    } else if (node.type === 'MemberAccess') {
      yield this.lvalueParts(node.expression, frame);
    } else if (node.type === 'TupleExpression') {
      for (const c of node.components) if (c) yield this.lvalueParts(c as Expression, frame);
    } else if (node.type !== 'Identifier') {
      yield this.expression(node, frame);
    }
  }

  private writes(node: ASTNode, frame: Frame): void {
    for (const written of writtenExpressions(node, frame.scope)) {
      const variable = stateVariableOf(written, frame.scope, frame.pointers);
      if (variable) this.push('state-write', node, frame, { variable });
    }
  }

  private *call(node: FunctionCall, frame: Frame): Step<void> {
    const call = classifyCall(node, frame.scope);
    const callee = node.expression;
    // The receiver is evaluated first (`IERC20(token)` reads `token`), then options and arguments.
    if (call.target && call.kind !== 'library') yield this.expression(call.target, frame);
    else if (call.boundReceiver) yield this.expression(call.boundReceiver, frame);
    else if (callee.type === 'FunctionCall') yield this.expression(callee, frame);
    if (call.value && call.kind !== 'send' && call.kind !== 'eth-transfer') yield this.expression(call.value, frame);
    yield this.arguments(node, frame);

    if (isExternalCall(call)) {
      this.push('external-call', node, frame, { call, sendsEth: call.sendsEth });
      return this.clearZeroValue(node, call.value);
    }
    if (call.kind === 'event') return this.push('emit', node, frame);
    if (call.kind === 'builtin' && (call.name === 'selfdestruct' || call.name === 'suicide') && !call.target) return this.push('selfdestruct', node, frame, { sendsEth: true });
    if (call.kind === 'builtin' && callee.type === 'MemberAccess' && (callee.memberName === 'push' || callee.memberName === 'pop')) return this.writes(node, frame);
    if ((call.kind === 'internal' || call.kind === 'library') && call.resolved?.node.body) yield this.inline(call, frame);
  }

  private *inline(call: CallInfo, frame: Frame): Step<void> {
    const target = call.resolved;
    if (!target || frame.depth >= this.maxDepth) {
      return;
    }
    const fn = target.node;
    const bindings: StoragePointers = new Map();
    // Storage parameters alias the caller's state: `_update(balances[a])` writes `balances`.
    const actuals = call.boundReceiver ? [call.boundReceiver, ...call.args] : call.args;
    fn.parameters.forEach((param, index) => {
      if (param.storageLocation !== 'storage' || !param.name || !actuals[index]) return;
      const state = stateVariableOf(actuals[index], frame.scope, frame.pointers);
      if (state) bindings.set(param.name, state);
    });
    const isLibrary = target.owner.kind === 'library';
    const dispatch = isLibrary ? target.owner : this.contract;
    const step: ViaStep = { site: call.node, callee: fn, file: target.owner.file };
    yield this.runFunction(fn, target.owner, dispatch, { via: [...frame.via, step], branch: frame.branch, loops: frame.loops, depth: frame.depth + 1 }, bindings);
  }
}

/** Whether control never continues past the statement: return, revert, throw, or both arms of an if exiting. */
export function alwaysTerminates(node: ASTNode | null | undefined): boolean {
  return runSteps(terminates(node));
}

/** `alwaysTerminates` as a step, so that nested blocks and long else-if chains do not recurse on the call stack. */
function* terminates(node: ASTNode | null | undefined): Step<boolean> {
  if (!node) return false;
  switch (node.type) {
    case 'ReturnStatement':
    case 'RevertStatement':
    case 'ThrowStatement':
      return true;
    case 'Block':
      for (const statement of node.statements as ASTNode[]) if (yield* recurse(terminates(statement))) return true;
      return false;
    case 'UncheckedStatement':
      return yield* recurse(terminates(node.block));
    case 'IfStatement':
      return (yield* recurse(terminates(node.trueBody))) && (yield* recurse(terminates(node.falseBody)));
    case 'ExpressionStatement': {
      const e = node.expression;
      if (e?.type !== 'FunctionCall' || e.expression.type !== 'Identifier') return false;
      if (e.expression.name === 'revert') return true;
      const first = e.arguments[0];
      return (e.expression.name === 'require' || e.expression.name === 'assert') && first?.type === 'BooleanLiteral' && first.value === false;
    }
    default:
      return false;
  }
}

/** Only the external-call events. */
export function externalCalls(events: readonly ExecutionEvent[]): ExecutionEvent[] {
  return events.filter((e) => e.kind === 'external-call');
}

/** `IERC721Receiver(to)`, `payable(to)`, `address(to)` → `to`: a conversion does not change who is called. */
function unwrapConversion(expr: ASTNode): ASTNode {
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1) return expr;
  const callee = expr.expression;
  const converts = callee.type === 'ElementaryTypeName' || (callee.type === 'Identifier' && /^(address|payable|[A-Z]\w*)$/.test(callee.name));
  return converts ? unwrapConversion(expr.arguments[0]) : expr;
}

/** The identifier name of an expression in Solidity or inline assembly (`to`, or `to` inside `call(g, to, …)`). */
export function plainName(expr: ASTNode): string | undefined {
  if (expr.type === 'Identifier') return expr.name;
  if (expr.type === 'AssemblyCall' && expr.arguments.length === 0) return expr.functionName;
  return undefined;
}

/** Where a value traced outward lives: in the analysed function (`via` empty) or inside the callee of the last step. */
export interface TracedValue {
  expr: ASTNode;
  /** The via-steps still between the analysed function and the callee holding `expr`. */
  via: ViaStep[];
}

/**
 * Maps an expression in the innermost callee of `event` outward: while it is a parameter, it becomes the
 * argument passed at the call site one level up. Stops where the value is made (a getter call, a local).
 */
export function traceOutward(event: ExecutionEvent, expr: ASTNode): TracedValue {
  let current = expr;
  for (let i = event.via.length - 1; i >= 0; i--) {
    const step = event.via[i];
    const name = plainName(unwrapConversion(current));
    const index = name === undefined ? -1 : (step.callee.parameters ?? []).findIndex((p) => p.name === name);
    const actual = index < 0 ? undefined : argumentAt(step, index);
    if (!actual) return { expr: current, via: event.via.slice(0, i + 1) };
    current = actual;
  }
  return { expr: current, via: [] };
}

/** The argument passed for the callee's parameter at `index` at a via-step's call site (or modifier invocation). */
export function argumentAt(step: ViaStep, index: number): ASTNode | undefined {
  const site = step.site;
  if (site.type === 'ModifierInvocation') return site.arguments?.[index];
  // A using-for call passes its receiver as the first parameter.
  const callee = site.expression.type === 'NameValueExpression' ? site.expression.expression : site.expression;
  const bound = callee.type === 'MemberAccess' && (step.callee.parameters ?? []).length === site.arguments.length + 1 ? callee.expression : undefined;
  const actuals: ASTNode[] = bound ? [bound, ...site.arguments] : site.arguments;
  return actuals[index];
}

/** `expr` (in the innermost callee of `event`) as an expression of the analysed function, or undefined when made inside a callee. */
export function traceToRoot(event: ExecutionEvent, expr: ASTNode | undefined): ASTNode | undefined {
  if (!expr) return undefined;
  const traced = traceOutward(event, expr);
  return traced.via.length === 0 ? traced.expr : undefined;
}

/** The destination of an external call event: the receiver, or the address argument of an assembly `call`. */
export function callTarget(event: ExecutionEvent): ASTNode | undefined {
  if (event.call) return event.call.target;
  if (event.node.type === 'AssemblyCall') return event.node.arguments[1];
  return undefined;
}
