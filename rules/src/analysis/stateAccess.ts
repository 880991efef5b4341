// Reads and writes of contract storage inside a function: assignments, `op=`, `++`/`--`, `delete`,
// `push`/`pop`, writes through local `storage` pointers, and storage-bound library calls.

import type { ASTNode, Expression, StateVariableDeclarationVariable, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll, walk } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { ASSIGNMENT_OPERATORS } from './astQueries';
import { classifyCall } from './calls';
import type { FunctionScope } from './scope';

/** A storage location a function touches: a declared state variable, or storage reached through a pointer. */
export interface StateVariableRef {
  /** The state variable name; for storage reached through a getter (`$` namespaced storage), `Type.member`. */
  name: string;
  declaration?: StateVariableDeclarationVariable;
  owner?: ContractInfo;
}

/** One read or write of state, with the node that does it. */
export interface StateAccess {
  kind: 'read' | 'write';
  variable: StateVariableRef;
  /** The expression read, or the writing operation (assignment, unary, call). */
  node: ASTNode;
}

/** Local `storage` pointers (and bound storage parameters) mapped to the state they alias. */
export type StoragePointers = Map<string, StateVariableRef>;

/** Collects the local storage pointers of a scope; `bindings` maps storage parameters to caller state. */
export function storagePointers(scope: FunctionScope, bindings?: StoragePointers): StoragePointers {
  const pointers: StoragePointers = new Map(bindings ?? []);
  const body = scope.callable?.body;
  if (!body) return pointers;
  for (const { initialValue, decl, name } of storageDeclarations(scope.project, body)) {
    const aliased = stateVariableOf(initialValue, scope, pointers);
    if (aliased) pointers.set(name, aliased);
    else if (initialValue.type === 'FunctionCall' && decl.typeName?.type === 'UserDefinedTypeName') {
      // `S storage $ = _getS();`: ERC-7201 namespaced storage, state without a variable name.
      pointers.set(name, { name: decl.typeName.namePath });
    }
  }
  return pointers;
}

/**
 * The body's single-variable `storage` declarations with an initial value, in source order, found once per body:
 * every analysis collects the pointers of the functions it looks at, and each walked the whole body.
 */
function storageDeclarations(project: ProjectModel, body: ASTNode): { initialValue: Expression; decl: VariableDeclaration; name: string }[] {
  return memoize(project, 'stateAccess.storageDeclarations', body, () => {
    const out: { initialValue: Expression; decl: VariableDeclaration; name: string }[] = [];
    for (const statement of findAll(body, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement')) {
      if (statement.variables.length !== 1 || !statement.initialValue) continue;
      const decl = statement.variables[0] as VariableDeclaration | null;
      if (!decl?.name || decl.storageLocation !== 'storage') continue;
      out.push({ initialValue: statement.initialValue, decl, name: decl.name });
    }
    return out;
  });
}

/** The state an expression such as `a`, `a[i].b` or `ptr.x` refers to, if it is storage. */
export function stateVariableOf(expr: ASTNode, scope: FunctionScope, pointers: StoragePointers = new Map()): StateVariableRef | undefined {
  let current: ASTNode = expr;
  let firstMember: string | undefined;
  for (;;) {
    if (current.type === 'MemberAccess') {
      firstMember = current.memberName;
      current = current.expression;
    } else if (current.type === 'IndexAccess' || current.type === 'IndexRangeAccess') {
      current = current.base;
    } else if (current.type === 'TupleExpression' && current.components.length === 1 && current.components[0]) {
      current = current.components[0] as ASTNode;
    } else {
      break;
    }
  }
  if (current.type !== 'Identifier') return undefined;
  const decl = scope.resolve(current.name, current);
  if (decl?.kind === 'state') {
    if (decl.node.isDeclaredConst || decl.node.isImmutable) return undefined;
    return { name: decl.node.name ?? current.name, declaration: decl.node, owner: decl.owner };
  }
  const pointer = pointers.get(current.name);
  if (pointer && decl && decl.node.storageLocation === 'storage') {
    // Namespaced storage is named by its struct member so that `$.a` and `$.b` stay distinct.
    if (!pointer.declaration && firstMember && !pointer.name.includes('.')) return { name: `${pointer.name}.${firstMember}` };
    return pointer;
  }
  return undefined;
}

function flattenTuple(expr: Expression): Expression[] {
  if (expr.type === 'TupleExpression') return expr.components.flatMap((c) => (c ? flattenTuple(c as Expression) : []));
  return [expr];
}

/** The expressions a node writes when it is a writing operation; empty otherwise. */
export function writtenExpressions(node: ASTNode, scope: FunctionScope): Expression[] {
  if (node.type === 'BinaryOperation' && ASSIGNMENT_OPERATORS.has(node.operator)) return flattenTuple(node.left);
  if (node.type === 'UnaryOperation' && (node.operator === '++' || node.operator === '--' || node.operator === 'delete')) return [node.subExpression];
  if (node.type === 'FunctionCall') {
    const callee = node.expression;
    if (callee.type === 'MemberAccess' && (callee.memberName === 'push' || callee.memberName === 'pop')) return [callee.expression];
    const call = classifyCall(node, scope);
    // `set.add(x)` through `using L for T` with a `storage` first parameter mutates the receiver.
    if (call.kind === 'library' && call.boundReceiver && call.resolved?.node.parameters[0]?.storageLocation === 'storage' && call.resolved.node.stateMutability !== 'view' && call.resolved.node.stateMutability !== 'pure') {
      return [call.boundReceiver];
    }
  }
  return [];
}

/** State writes below `root`, in source order. */
export function stateWrites(root: ASTNode, scope: FunctionScope, pointers = storagePointers(scope)): StateAccess[] {
  const out: StateAccess[] = [];
  walk(root, {
    enter: (node) => {
      for (const written of writtenExpressions(node, scope)) {
        const variable = stateVariableOf(written, scope, pointers);
        if (variable) out.push({ kind: 'write', variable, node });
      }
    },
    exit: () => undefined,
  });
  return out;
}

/** The root identifiers of plain write targets (`a` in `a[i].b = 1`, `delete a[i]`): not reads. `x += 1` and `x++` read. */
function pureWriteTargets(root: ASTNode): Set<ASTNode> {
  const out = new Set<ASTNode>();
  const addRoot = (expr: ASTNode): void => {
    let current = expr;
    while (current.type === 'MemberAccess' || current.type === 'IndexAccess') current = current.type === 'MemberAccess' ? current.expression : current.base;
    out.add(current);
  };
  walk(root, {
    enter: (node) => {
      if (node.type === 'BinaryOperation' && node.operator === '=') for (const e of flattenTuple(node.left)) addRoot(e);
      if (node.type === 'UnaryOperation' && node.operator === 'delete') addRoot(node.subExpression);
      // The name in a declaration is not a use.
      if (node.type === 'VariableDeclaration' && node.identifier) out.add(node.identifier);
    },
    exit: () => undefined,
  });
  return out;
}

/** State reads below `root`, in source order: each identifier that resolves to state (or a storage pointer). */
export function stateReads(root: ASTNode, scope: FunctionScope, pointers = storagePointers(scope)): StateAccess[] {
  const skip = pureWriteTargets(root);
  const out: StateAccess[] = [];
  walk(root, {
    enter: (node) => {
      if (skip.has(node) || node.type !== 'Identifier') return;
      const variable = stateVariableOf(node, scope, pointers);
      if (variable) out.push({ kind: 'read', variable, node });
    },
    exit: () => undefined,
  });
  return out;
}

