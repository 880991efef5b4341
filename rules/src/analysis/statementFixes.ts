// Helpers for fixes that add statements: the indentation of the line a node starts on, a local name that
// does not collide with one the function already declares, and whether a statement may become several.

import type { ASTNode, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { Callable } from './scope';

/** The whitespace between the start of the line holding `offset` and its first non-blank character. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** `preferred`, or `preferred2`, `preferred3`… whichever the callable does not already declare. */
export function unusedLocalName(callable: Callable | undefined, preferred: string): string {
  const taken = new Set<string>();
  if (callable) {
    for (const p of callable.parameters ?? []) if (p.name) taken.add(p.name);
    if (callable.type === 'FunctionDefinition') for (const p of callable.returnParameters ?? []) if (p.name) taken.add(p.name);
    if (callable.body) {
      for (const decl of findAll(callable.body, (n): n is VariableDeclaration => n.type === 'VariableDeclaration')) if (decl.name) taken.add(decl.name);
    }
  }
  if (!taken.has(preferred)) return preferred;
  for (let i = 2; ; i++) if (!taken.has(`${preferred}${i}`)) return `${preferred}${i}`;
}

/**
 * True when `statement` sits directly in a block, so it can be replaced by several statements. The body of
 * an `if` or loop without braces cannot: a second statement would fall outside the condition.
 */
export function isInBlock(ancestors: readonly ASTNode[], statement: ASTNode): boolean {
  const parent = ancestors[ancestors.length - 1];
  return !!parent && parent.type === 'Block' && parent.statements.includes(statement as never);
}
