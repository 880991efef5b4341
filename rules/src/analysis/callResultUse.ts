// Whether the value a call returns is looked at: thrown away as a statement, stored in a local that is never
// read, or used; and whether a returned value means anything for safety (an id of what the call created does
// not). Rules about unchecked return values (low-level calls, `send`, external results) ask this.

import type { ASTNode, FunctionCall, FunctionDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import { containsNode } from './astQueries';
import type { Callable } from './scope';

export type CallResultUse =
  | { kind: 'discarded' }
  /** The first returned value is bound to a local (`bool ok = ...` / `ok = ...`) that nothing reads. */
  | { kind: 'unread'; name: string }
  /** `(, bytes memory data) = x.call(...)`: the success flag is left out of the tuple. */
  | { kind: 'omitted' }
  | { kind: 'used' };

/** How the result of `call` is used; `ancestors` are the call's ancestors, outermost first. */
export function callResultUse(call: FunctionCall, ancestors: readonly ASTNode[], callable: Callable | undefined): CallResultUse {
  let child: ASTNode = call;
  let index = ancestors.length - 1;
  // `(x.call(data))` is still the same value.
  while (index >= 0 && ancestors[index].type === 'TupleExpression' && (ancestors[index] as { components: unknown[] }).components.length === 1) {
    child = ancestors[index];
    index--;
  }
  const parent = ancestors[index];
  if (!parent) return { kind: 'used' };
  if (parent.type === 'ExpressionStatement') return { kind: 'discarded' };
  if (parent.type === 'VariableDeclarationStatement' && parent.initialValue === child) {
    const first = parent.variables[0] as VariableDeclaration | null | undefined;
    if (!first) return { kind: 'omitted' };
    if (first.name && callable && !isReadElsewhere(callable, first.name, first)) return { kind: 'unread', name: first.name };
    return { kind: 'used' };
  }
  if (parent.type === 'BinaryOperation' && parent.operator === '=' && parent.right === child) {
    const target = parent.left;
    if (target.type === 'TupleExpression') {
      const first = target.components[0] as ASTNode | null | undefined;
      if (!first) return { kind: 'omitted' };
      if (first.type === 'Identifier' && callable && isPlainLocal(callable, first.name) && !isReadElsewhere(callable, first.name, first)) {
        return { kind: 'unread', name: first.name };
      }
      return { kind: 'used' };
    }
    if (target.type === 'Identifier' && callable && isPlainLocal(callable, target.name) && !isReadElsewhere(callable, target.name, target)) {
      return { kind: 'unread', name: target.name };
    }
  }
  return { kind: 'used' };
}

/**
 * True when `name` is a parameter or a local of the body. Named return variables are returned implicitly and
 * state variables persist, so a value stored in them is used even when this function never reads it.
 */
function isPlainLocal(callable: Callable, name: string): boolean {
  if (callable.type === 'FunctionDefinition' && (callable.returnParameters ?? []).some((p) => p.name === name)) return false;
  if ((callable.parameters ?? []).some((p) => p.name === name)) return true;
  return !!callable.body && findAll(callable.body, (n): n is VariableDeclaration => n.type === 'VariableDeclaration').some((d) => d.name === name);
}

/**
 * True when the local `name` is read anywhere in the callable other than at `binding` (its declaration or
 * the assignment that stores the call result). Reads before the binding count too: in a loop they see it.
 */
function isReadElsewhere(callable: Callable, name: string, binding: ASTNode): boolean {
  if (!callable.body) return true;
  const bindingIdentifier = binding.type === 'VariableDeclaration' ? (binding as VariableDeclaration).identifier : binding;
  const nodes = findAll(callable.body, () => true);
  const assignedOnly = new Set<ASTNode>();
  for (const node of nodes) {
    // Skip plain assignment targets (`ok = ...`): they write the variable, they do not read it.
    if (node.type === 'BinaryOperation' && node.operator === '=' && node.left.type === 'Identifier') assignedOnly.add(node.left);
    if (node.type === 'BinaryOperation' && node.operator === '=' && node.left.type === 'TupleExpression') {
      for (const component of node.left.components) if (component && (component as ASTNode).type === 'Identifier') assignedOnly.add(component as ASTNode);
    }
    if (node.type === 'VariableDeclaration' && node.identifier) assignedOnly.add(node.identifier);
  }
  return nodes.some((node) => {
    if (node === bindingIdentifier || assignedOnly.has(node)) return false;
    if (node.type === 'Identifier') return node.name === name;
    // Inline assembly reads a Solidity local as a zero-argument call of its name.
    if (node.type === 'AssemblyCall') return node.functionName === name && node.arguments.length === 0;
    return false;
  });
}

/** Return names that identify what the call created or queued (`ticketId`, `_nonce`, `msgNum`), not an amount. */
const IDENTIFIER_NAME = /(^|_)(id|ids|nonce|num|number|index|seq|sequence|ticket|key|hash)$|(Id|Ids|Nonce|Num|Number|Index|Seq|Sequence|Ticket|Key|Hash)$/;
/** The same, said in a NatSpec `@return` line: "unique message number of the retryable transaction", "nonce reserved by message". */
const IDENTIFIER_DOC = /@return\b[^\n]*\b(nonce|identifier|id|(message|ticket|request|sequence|batch) (number|index|id))\b/i;

/**
 * True when every value `fn` returns only identifies what the call created (a message number, a nonce, a request
 * id): callers that log it from the callee's own event, or never refer to it again, lose nothing by dropping it.
 * Read from the return names, else from the NatSpec comment written above the declaration in `text`.
 */
export function returnsOnlyIdentifiers(fn: FunctionDefinition, text: string): boolean {
  const returns = fn.returnParameters ?? [];
  if (returns.length === 0) return false;
  if (returns.every((r) => !!r.name && IDENTIFIER_NAME.test(r.name))) return true;
  return returns.length === 1 && IDENTIFIER_DOC.test(docCommentBefore(fn, text));
}

/** The `///` or `/** *\/` comment lines directly above a declaration. */
function docCommentBefore(node: ASTNode, text: string): string {
  const start = node.range?.[0];
  if (start === undefined) return '';
  const lines = text.slice(0, start).split('\n');
  lines.pop();
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!/^(\/\/\/|\/\*\*|\*)/.test(line)) break;
    out.unshift(line);
  }
  return out.join('\n');
}

/**
 * True when a failed call makes the function revert: the result feeds `require`/`assert`, or an `if` whose
 * branch reverts. A result only logged, returned or used to record a debt (`if (!ok) owed[to] += amount`)
 * tolerates the failure.
 */
export function failureReverts(call: FunctionCall, ancestors: readonly ASTNode[], callable: Callable | undefined): boolean {
  if (ancestors.some((a) => isRequireLike(a) || (a.type === 'IfStatement' && containsNode(a.condition, call) && ifReverts(a)))) return true;
  const use = callResultUse(call, ancestors, callable);
  if (use.kind !== 'used' || !callable?.body) return false;
  const binding = resultName(call, ancestors);
  if (!binding) return false;
  const reads = (node: ASTNode): boolean => findAll(node, (n) => n.type === 'Identifier' && n.name === binding).length > 0;
  return findAll(callable.body, () => true).some(
    (n) => (isRequireLike(n) && n.type === 'FunctionCall' && n.arguments.length > 0 && reads(n.arguments[0])) || (n.type === 'IfStatement' && reads(n.condition) && ifReverts(n)),
  );
}

function isRequireLike(node: ASTNode): boolean {
  return node.type === 'FunctionCall' && node.expression.type === 'Identifier' && (node.expression.name === 'require' || node.expression.name === 'assert');
}

/** An `if` with an arm that reverts (`revert`, `revert Err()`, `throw`). */
function ifReverts(node: ASTNode): boolean {
  if (node.type !== 'IfStatement') return false;
  return [node.trueBody, node.falseBody].some(
    (arm) =>
      !!arm &&
      findAll(arm, (n) => n.type === 'RevertStatement' || n.type === 'ThrowStatement' || (n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === 'revert')).length > 0,
  );
}

/** The local the call's success flag is stored in (`bool ok = …`, `(ok, ) = …`). */
function resultName(call: FunctionCall, ancestors: readonly ASTNode[]): string | undefined {
  const parent = ancestors[ancestors.length - 1];
  if (parent?.type === 'VariableDeclarationStatement') return (parent.variables[0] as VariableDeclaration | null)?.name ?? undefined;
  if (parent?.type === 'BinaryOperation' && parent.operator === '=' && parent.right === call) {
    const first = parent.left.type === 'TupleExpression' ? (parent.left.components[0] as ASTNode | null) : parent.left;
    return first?.type === 'Identifier' ? first.name : undefined;
  }
  return undefined;
}
