// Storage that logic reads while it still holds its zero default: a state variable nothing that runs on the
// contract's storage ever writes (or writes only in dead code), and a per-key checkpoint (`lastClaim[user]`,
// `userIndex[user]`) subtracted from the clock or an accumulator before anything has set it for that key.

import type {
  ASTNode,
  BinaryOperation,
  Expression,
  FunctionDefinition,
  Identifier,
  IndexAccess,
  ModifierDefinition,
  StateVariableDeclarationVariable,
} from '@solidity-parser/parser/dist/src/ast-types';
import { findAll, walk } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { isInitializer } from './accessControl';
import { memoize } from './analysisCache';
import { blockValueKind } from './blockEnvironment';
import { executionEvents, type ExecutionEvent } from './effects';
import { FunctionScope, isMapping } from './scope';
import { stateReads } from './stateAccess';
import { storageLayoutIsFrozen } from './stateVariableCandidates';
import { contractsRunningWith, contractsSharingState, stateVariableUsage, stateVariableUsageFrom, type StateWrite } from './stateVariableUsage';

type Callable = FunctionDefinition | ModifierDefinition;

/** A read of a state variable that no live code running on the reader's storage writes. */
export interface UnwrittenRead {
  variable: StateVariableDeclarationVariable;
  /** The first read in `callable` that uses the value (not a comparison with zero). */
  read: Identifier;
  callable: Callable;
  /** Writes that exist but sit in internal or private functions nothing calls. */
  deadWriters: FunctionDefinition[];
  /** The contract whose storage never gets the variable set (the reader or a contract built on it). */
  instance: ContractInfo;
}

/** A checkpoint subtraction (`block.timestamp - lastClaim[user]`) whose first use per key sees zero. */
export interface CheckpointRead {
  variable: StateVariableDeclarationVariable;
  /** The subtraction. */
  node: BinaryOperation;
  callable: Callable;
  clock: 'time' | 'index';
  /** A public function that grows the amount the difference multiplies without setting the checkpoint. */
  uncheckpointedEntry?: FunctionDefinition;
}

/** Names that hold a storage position on purpose: upgrade gaps and retired slots kept for layout. */
const PLACEHOLDER_NAME = /gap|deprecated|reserved|unused|legacy/i;

/** Own functions and modifiers of `contract` that have a body. */
function callablesOf(contract: ContractInfo): Callable[] {
  return [...contract.ownFunctions(), ...contract.ownMembers<ModifierDefinition>('ModifierDefinition')].filter((c) => !!c.body);
}

/** What one contract's own code references and whether it writes storage opaquely: one walk per contract. */
interface ContractFacts {
  /** Names referenced anywhere in the contract: plain calls, function values, `super.f` and `Base.f`. */
  names: Set<string>;
  /**
   * Storage the compiler's view cannot follow: an `sstore` to a computed slot, or a `delegatecall` that runs
   * other code on this storage. Either may set any variable, so nothing is reported for the contract.
   */
  opaque: boolean;
}

// Memoised per contract because every contract built on a base walks that base again otherwise, which made
// this rule the slowest of the cold scan.
function contractFacts(project: ProjectModel, contract: ContractInfo): ContractFacts {
  return memoize(project, 'uninitializedState.contractFacts', contract, () => {
    const facts: ContractFacts = { names: new Set(), opaque: false };
    walk(contract.node, {
      enter: (n) => {
        if (n.type === 'Identifier') facts.names.add(n.name);
        if (n.type === 'MemberAccess') facts.names.add(n.memberName);
        if (
          (n.type === 'AssemblyCall' && (n.functionName === 'sstore' || n.functionName === 'delegatecall')) ||
          // `address(this).delegatecall(data)` (a multicall) runs this contract's own code.
          (n.type === 'MemberAccess' && n.memberName === 'delegatecall' && !isSelf(n.expression))
        ) {
          facts.opaque = true;
        }
      },
      exit: () => undefined,
    });
    return facts;
  });
}

function referencedNames(project: ProjectModel, contracts: ContractInfo[]): Set<string> {
  const names = new Set<string>();
  for (const contract of contracts) for (const name of contractFacts(project, contract).names) names.add(name);
  return names;
}

function hasOpaqueStorageWrites(project: ProjectModel, contracts: ContractInfo[]): boolean {
  return contracts.some((contract) => contractFacts(project, contract).opaque);
}

/**
 * Whether some contract built on `owner` runs other code on its storage (`delegatecall` anywhere in its
 * hierarchy, raw `sstore`): a master contract that delegates to logic contracts built on the same base sets
 * the slots the logic contracts read.
 */
function sharedByDelegation(project: ProjectModel, owner: ContractInfo): boolean {
  return memoize(project, 'uninitializedState.sharedByDelegation', owner, () =>
    contractsSharingState(project, owner).some((c) => hasOpaqueStorageWrites(project, c.linearization)),
  );
}

function isSelf(expr: ASTNode): boolean {
  const inner = expr.type === 'FunctionCall' && expr.arguments.length === 1 ? expr.arguments[0] : expr;
  return inner.type === 'Identifier' && inner.name === 'this';
}

/**
 * A write that can run: not inside an internal or private function nothing references. For an abstract
 * contract with no concrete inheritor here, an internal function is API for inheritors elsewhere and counts.
 */
function isLive(write: StateWrite, view: InstanceView): boolean {
  const callable = write.callable;
  if (callable.type !== 'FunctionDefinition') return true;
  if (callable.visibility !== 'internal' && callable.visibility !== 'private') return true;
  if (callable.visibility === 'internal' && view.contract.kind === 'abstract') return true;
  return !!callable.name && view.referenced.has(callable.name);
}

/** Value types whose zero default reads as a real setting: numbers, addresses, flags, contracts, enums. */
function isScalar(variable: StateVariableDeclarationVariable, scope: FunctionScope): boolean {
  const type = variable.typeName;
  if (!type) return false;
  if (type.type === 'ElementaryTypeName') return true;
  return type.type === 'UserDefinedTypeName' && !scope.structNamed(type.namePath);
}

/** `x == 0`, `x != address(0)`, `x > 0`: the code handles the unset value itself. */
function isZeroComparison(read: ASTNode, ancestors: readonly ASTNode[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  const compared = parent?.type === 'FunctionCall' && parent.arguments.length === 1 ? ancestors[ancestors.length - 2] : parent;
  if (compared?.type !== 'BinaryOperation' || !['==', '!=', '>', '<'].includes(compared.operator)) return false;
  const other = compared.left === read || compared.left === parent ? compared.right : compared.left;
  return isZeroLiteral(other);
}

function isZeroLiteral(node: ASTNode): boolean {
  if (node.type === 'NumberLiteral') return Number(node.number) === 0;
  if (node.type === 'FunctionCall' && node.arguments.length === 1) return isZeroLiteral(node.arguments[0]);
  return false;
}

/** What one deployable contract's storage sees: which variables live code sets, and which callables are referenced. */
interface InstanceView {
  contract: ContractInfo;
  opaque: boolean;
  usage: ReturnType<typeof stateVariableUsageFrom>;
  referenced: Set<string>;
  /**
   * Whether deployment sets something up (a constructor with a body, or an initializer that writes storage): the author configured
   * the contract and left a variable out. Sketches with no set-up at all (demos, harnesses) are not judged.
   */
  configured: boolean;
}

function instanceView(project: ProjectModel, contract: ContractInfo): InstanceView {
  return memoize(project, 'uninitializedState.instance', contract, () => {
    const running = contractsRunningWith(project, contract);
    const usage = stateVariableUsageFrom(project, contract);
    // A constructor with a body counts even when it sets only immutables, which are not storage writes.
    const configured =
      contract.linearization.some((c) => c.ownFunctions().some((fn) => fn.isConstructor && (fn.body?.statements.length ?? 0) > 0)) ||
      [...usage.values()].some((used) => used.writes.some((w) => w.callable.type === 'FunctionDefinition' && isInitializer(w.callable, w.contract, project)));
    return { contract, opaque: hasOpaqueStorageWrites(project, running), usage, referenced: referencedNames(project, running), configured };
  });
}

/**
 * The contracts whose storage the code of `reader` runs on: every concrete contract built on it (a base
 * shared by two products may be configured by one and forgotten by the other), else `reader` itself.
 */
function instancesOf(project: ProjectModel, reader: ContractInfo): ContractInfo[] {
  const concrete = contractsSharingState(project, reader).filter((c) => c.kind === 'contract');
  return concrete.length > 0 ? concrete : [reader];
}

/**
 * Reads of never-written scalar state in the own callables of `reader`, one per variable and callable: for some
 * contract built on `reader` (or `reader` itself), no live code running on its storage sets the variable.
 */
export function unwrittenReads(project: ProjectModel, reader: ContractInfo): UnwrittenRead[] {
  return memoize(project, 'uninitializedState.unwritten', reader, () => {
    const instances = instancesOf(project, reader)
      .map((c) => instanceView(project, c))
      .filter((view) => !view.opaque && view.configured);
    if (instances.length === 0) return [];
    const hasConcreteInstance = instances.some((view) => view.contract.kind === 'contract');
    const contractScope = new FunctionScope(project, reader.file, reader, undefined);
    const out: UnwrittenRead[] = [];
    for (const callable of callablesOf(reader)) {
      const seen = new Set<StateVariableDeclarationVariable>();
      const scope = new FunctionScope(project, reader.file, reader, callable);
      // Reads only: the target of a plain assignment is a write, even in a function nothing calls.
      const reads = new Set(stateReads(callable, scope).map((r) => r.node));
      if (reads.size === 0) continue;
      // Variables this callable compares with zero (`totalShares == 0 ? amount : …`, `if (oracle == address(0))`):
      // the code expects the unset value and handles it, so its other reads there are on the handled path.
      walk(callable, {
        enter: (node, ancestors) => {
          const variable = node.type === 'Identifier' && reads.has(node) ? scope.stateVariable(node.name, node)?.node : undefined;
          if (variable && isZeroComparison(node, ancestors)) seen.add(variable);
        },
        exit: () => undefined,
      });
      walk(callable, {
        enter: (node, ancestors) => {
          if (node.type !== 'Identifier' || !reads.has(node)) return;
          // Skip `return x;`: a getter hands the value out, it does not compute with it.
          if (ancestors[ancestors.length - 1]?.type === 'ReturnStatement') return;
          const declaration = scope.stateVariable(node.name, node);
          const variable = declaration?.node;
          if (!declaration || !variable || seen.has(variable) || variable.expression || variable.isDeclaredConst || variable.isImmutable || variable.isTransient) return;
          if (!variable.name || PLACEHOLDER_NAME.test(variable.name) || !isScalar(variable, contractScope)) return;
          // Skip non-private variables of an abstract contract with no concrete inheritor here: they are set
          // by contracts outside this project.
          if (!hasConcreteInstance && variable.visibility !== 'private') return;
          // Skip variables whose storage a delegating contract shares: a registry that delegatecalls into logic
          // contracts built on the same base sets the slot for all of them.
          if (sharedByDelegation(project, declaration.owner)) return;
          // Behind a proxy, sibling implementations built on the same base share the proxy's storage (an admin
          // logic sets what the user logic reads): a write in any of them counts.
          const siblingWrites = () => (stateVariableUsage(project, declaration.owner).get(variable)?.writes.length ?? 0) > 0;
          const unset = instances.find((view) => {
            const used = view.usage.get(variable);
            if (!used || used.inAssembly || used.writes.some((w) => isLive(w, view))) return false;
            return !(storageLayoutIsFrozen(project, view.contract) && siblingWrites());
          });
          if (!unset) return;
          seen.add(variable);
          const writes = unset.usage.get(variable)?.writes ?? [];
          const deadWriters = [...new Set(writes.map((w) => w.callable as FunctionDefinition))];
          out.push({ variable, read: node, callable, deadWriters, instance: unset.contract });
        },
        exit: () => undefined,
      });
    }
    return out;
  });
}

/** Type conversions and parentheses around a value: `uint256(x)`, `(x)`. */
function unwrap(expr: ASTNode): ASTNode {
  let current = expr;
  for (;;) {
    if (current.type === 'TupleExpression' && current.components.length === 1 && current.components[0]) current = current.components[0] as ASTNode;
    else if (current.type === 'FunctionCall' && current.arguments.length === 1 && current.expression.type === 'ElementaryTypeName') current = current.arguments[0];
    else return current;
  }
}

/** A per-key slot: `M[k]`, or the field `f` of `M[k].f` when the mapping holds structs. */
interface KeyedSlot {
  variable: StateVariableDeclarationVariable;
  field: string | undefined;
  /** The `M[k]` access, whose index is the key. */
  access: IndexAccess;
}

/** The per-key slot `expr` denotes (`M[k]`, `M[k].f`), with no restriction on the value type. */
function keyedSlot(expr: ASTNode, scope: FunctionScope): KeyedSlot | undefined {
  const node = unwrap(expr);
  const field = node.type === 'MemberAccess' ? node.memberName : undefined;
  const access = node.type === 'MemberAccess' ? node.expression : node;
  if (access.type !== 'IndexAccess' || access.base.type !== 'Identifier' || !access.index) return undefined;
  const declaration = scope.stateVariable(access.base.name, access.base);
  if (!declaration || !isMapping(declaration.type)) return undefined;
  return { variable: declaration.node, field, access };
}

/**
 * The checkpoint read, `M[k]` with a value-type value or `M[k].f` of a struct value: one number per key. A
 * nested mapping is not a single checkpoint.
 */
function mappingRead(expr: ASTNode, scope: FunctionScope): KeyedSlot | undefined {
  const slot = keyedSlot(expr, scope);
  const valueType = slot?.variable.typeName?.type === 'Mapping' ? slot.variable.typeName.valueType : undefined;
  if (!slot || !valueType) return undefined;
  if (slot.field === undefined) return valueType.type === 'ElementaryTypeName' ? slot : undefined;
  return valueType.type === 'UserDefinedTypeName' ? slot : undefined;
}

/** Whether a write of `written` sets `checkpoint`: the same slot, or the whole struct it is a field of. */
function setsSlot(written: KeyedSlot | undefined, checkpoint: KeyedSlot): boolean {
  return !!written && written.variable === checkpoint.variable && (written.field === undefined || written.field === checkpoint.field);
}

/** The per-key slot a writing operation targets (`M[k].f = …`, `M[k] += …`, `delete M[k]`). */
function writtenSlot(write: ASTNode, scope: FunctionScope): KeyedSlot | undefined {
  if (write.type === 'BinaryOperation') return keyedSlot(write.left, scope);
  if (write.type === 'UnaryOperation') return keyedSlot(write.subExpression, scope);
  return undefined;
}

/** `block.timestamp` / `block.number` (a clock), or a state read or call (an accumulator) as the minuend. */
function clockOf(expr: ASTNode, scope: FunctionScope): CheckpointRead['clock'] | undefined {
  const value = unwrap(expr);
  const kind = blockValueKind(value);
  if (kind === 'timestamp' || kind === 'number') return 'time';
  if (value.type === 'Identifier' && scope.stateVariable(value.name, value) && !mappingRead(value, scope)) return 'index';
  if (value.type === 'FunctionCall' && value.expression.type === 'Identifier' && value.arguments.length === 0) return 'index';
  return undefined;
}

/** Whether the difference is scaled into an amount: an operand of `*` or `/`, directly or through a local. */
function scalesAmount(subtraction: BinaryOperation, ancestors: readonly ASTNode[], callable: Callable): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (a.type === 'BinaryOperation' && (a.operator === '*' || a.operator === '/')) return true;
    if (a.type === 'FunctionCall' && a.expression.type !== 'ElementaryTypeName') {
      // `mulDiv(elapsed, rate, 1e18)`: a library multiplication.
      return a.arguments.some((arg) => arg === subtraction || findAll(arg, (n) => n === subtraction).length > 0);
    }
    if (a.type === 'VariableDeclarationStatement' && a.variables.length === 1) {
      const name = (a.variables[0] as { name?: string } | null)?.name;
      return !!name && localScaled(name, callable);
    }
    if (a.type === 'BinaryOperation' && a.operator === '=' && a.left.type === 'Identifier') return localScaled(a.left.name, callable);
    if (a.type === 'ExpressionStatement' || a.type === 'ReturnStatement' || a.type === 'IfStatement') return false;
  }
  return false;
}

function localScaled(name: string, callable: Callable): boolean {
  return findAll(
    callable,
    (n): n is BinaryOperation =>
      n.type === 'BinaryOperation' && (n.operator === '*' || n.operator === '/') && [n.left, n.right].some((side) => unwrap(side).type === 'Identifier' && (unwrap(side) as Identifier).name === name),
  ).length > 0;
}

/** Conditions of `callable` (if, require, ternary, loop) that read the checkpoint: a guard for the unset case. */
function guardsOn(callable: Callable, checkpoint: KeyedSlot, scope: FunctionScope): boolean {
  const conditions: ASTNode[] = [];
  for (const node of findAll(callable, () => true)) {
    if (node.type === 'IfStatement' || node.type === 'WhileStatement') conditions.push(node.condition);
    if (node.type === 'Conditional' && node.condition) conditions.push(node.condition);
    if (node.type === 'FunctionCall' && node.expression.type === 'Identifier' && ['require', 'assert'].includes(node.expression.name) && node.arguments[0]) {
      conditions.push(node.arguments[0]);
    }
  }
  return conditions.some((c) =>
    findAll(c, (n) => n.type === 'IndexAccess' || n.type === 'MemberAccess').some((n) => {
      const read = keyedSlot(n, scope);
      return !!read && read.variable === checkpoint.variable && (checkpoint.field === undefined || read.field === checkpoint.field);
    }),
  );
}

/**
 * The per-key amounts `callable` reads with the checkpoint's key text: other mappings (`staked[user]`) and
 * other fields of the checkpoint's struct (`users[user].amount`).
 */
function factorSlots(callable: Callable, checkpoint: KeyedSlot, scope: FunctionScope, text: (n: ASTNode) => string): KeyedSlot[] {
  const key = text(checkpoint.access.index as Expression);
  const out: KeyedSlot[] = [];
  for (const node of findAll(callable, (n) => n.type === 'IndexAccess' || n.type === 'MemberAccess')) {
    const slot = keyedSlot(node, scope);
    if (!slot || text(slot.access.index as Expression) !== key) continue;
    if (slot.variable === checkpoint.variable && (slot.field === undefined || slot.field === checkpoint.field)) continue;
    out.push(slot);
  }
  return out;
}

/** A write that can only lower an amount (`-=`, `--`, `delete`): it cannot give a fresh key something to scale. */
function onlyLowers(write: ASTNode): boolean {
  if (write.type === 'BinaryOperation') return write.operator === '-=';
  if (write.type === 'UnaryOperation') return write.operator === '--' || write.operator === 'delete';
  return false;
}

/**
 * Checkpoint subtractions in the own callables of `reader` that a key reaches before anything sets its
 * checkpoint: `block.timestamp - lastClaim[msg.sender]` scaled into an amount, with no zero guard, where
 * either the amount does not depend on another per-key mapping (every key pays since zero), or a public
 * function grows that per-key amount without setting the checkpoint (deposit, then claim since 1970).
 */
export function checkpointReads(project: ProjectModel, reader: ContractInfo, text: (n: ASTNode) => string): CheckpointRead[] {
  const running = contractsRunningWith(project, reader);
  const entries = running.flatMap((contract) =>
    contract.ownFunctions()
      .filter((fn) => !!fn.body && !fn.isConstructor && fn.visibility !== 'internal' && fn.visibility !== 'private' && fn.stateMutability !== 'view' && fn.stateMutability !== 'pure')
      .map((fn) => ({ fn, contract })),
  );
  const out: CheckpointRead[] = [];
  for (const callable of callablesOf(reader)) {
    const scope = new FunctionScope(project, reader.file, reader, callable);
    walk(callable, {
      enter: (node, ancestors) => {
        if (node.type !== 'BinaryOperation' || node.operator !== '-') return;
        const checkpoint = mappingRead(node.right, scope);
        const clock = checkpoint && clockOf(node.left, scope);
        if (!checkpoint || !clock || !scalesAmount(node, ancestors, callable)) return;
        const { variable } = checkpoint;
        if (guardsOn(callable, checkpoint, scope) || writtenBefore(callable, checkpoint, node, scope)) return;
        if (guardedByCallers(callable, checkpoint, running, project)) return;
        const factors = factorSlots(callable, checkpoint, scope, text);
        let uncheckpointedEntry: FunctionDefinition | undefined;
        if (factors.length > 0) {
          const entry = entries.find(({ fn, contract }) => {
            const dispatch = reader.linearization.includes(contract) ? reader : contract;
            const events = executionEvents(fn, dispatch, project).filter((e) => e.kind === 'state-write');
            // The written slot is read in the callee that writes it; an unknown slot counts as the checkpoint.
            const slotOf = (e: ExecutionEvent) => writtenSlot(e.node, new FunctionScope(project, e.file, dispatch, undefined));
            const growsFactor = events.some((e) => !onlyLowers(e.node) && factors.some((f) => e.variable?.declaration === f.variable && setsSlot(slotOf(e), f) && !setsSlot(slotOf(e), checkpoint)));
            const setsCheckpoint = events.some((e) => e.variable?.declaration === variable && (slotOf(e) === undefined || setsSlot(slotOf(e), checkpoint)));
            return growsFactor && !setsCheckpoint;
          });
          if (!entry) return;
          uncheckpointedEntry = entry.fn;
        }
        out.push({ variable, node, callable, clock, uncheckpointedEntry });
      },
      exit: () => undefined,
    });
  }
  return out;
}

/** A write of the checkpoint in `callable` before `at`: it is set before this read uses it. */
function writtenBefore(callable: Callable, checkpoint: KeyedSlot, at: ASTNode, scope: FunctionScope): boolean {
  const usage = findAll(callable, (n) => n.type === 'BinaryOperation' && n.operator === '=' && !!n.range && !!at.range && n.range[1] <= at.range[0]);
  return usage.some((n) => setsSlot(writtenSlot(n, scope), checkpoint));
}

/** For an internal helper: whether a caller in the hierarchy checks the checkpoint before calling it. */
function guardedByCallers(callable: Callable, checkpoint: KeyedSlot, running: ContractInfo[], project: ProjectModel): boolean {
  if (callable.type !== 'FunctionDefinition' || (callable.visibility !== 'internal' && callable.visibility !== 'private') || !callable.name) return false;
  return running.some((contract) =>
    callablesOf(contract).some((caller) => {
      if (caller === callable) return false;
      const calls = findAll(caller, (n) => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === callable.name);
      return calls.length > 0 && guardsOn(caller, checkpoint, new FunctionScope(project, contract.file, contract, caller));
    }),
  );
}
