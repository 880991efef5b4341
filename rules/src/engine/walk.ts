// Iterative depth-first AST traversal with enter/exit callbacks and an ancestor stack. Iterative so that a
// pathologically nested file cannot exhaust the call stack.

import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';

const SKIPPED_KEYS = new Set(['type', 'loc', 'range', 'comments']);
/**
 * Keys whose node is also reachable another way: a state variable's initializer is both the declaration's
 * `initialValue` and its variable's `expression`. Visiting both reported every finding in it twice.
 */
const ALIAS_KEYS: Partial<Record<string, string>> = { StateVariableDeclaration: 'initialValue' };

/** The key of a node of `type` whose value is reachable another way too, for code that walks the tree by hand. */
export function aliasKeyOf(type: string): string | undefined {
  return ALIAS_KEYS[type];
}

export function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Direct child nodes in source-key order. */
export function childrenOf(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const alias = aliasKeyOf(node.type);
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key) || key === alias) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
  return out;
}

export interface WalkCallbacks {
  enter(node: ASTNode, ancestors: readonly ASTNode[]): void;
  exit(node: ASTNode, ancestors: readonly ASTNode[]): void;
  /** True for a node whose whole subtree is left out: neither it nor its descendants are entered. */
  skip?(node: ASTNode): boolean;
}

export function walk(root: ASTNode, callbacks: WalkCallbacks): void {
  const ancestors: ASTNode[] = [];
  const stack: { node: ASTNode; exiting: boolean }[] = [{ node: root, exiting: false }];
  while (stack.length > 0) {
    const item = stack.pop() as { node: ASTNode; exiting: boolean };
    if (item.exiting) {
      ancestors.pop();
      callbacks.exit(item.node, ancestors);
      continue;
    }
    if (callbacks.skip?.(item.node)) continue;
    callbacks.enter(item.node, ancestors);
    ancestors.push(item.node);
    stack.push({ node: item.node, exiting: true });
    const children = childrenOf(item.node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exiting: false });
  }
}

/** All nodes below `root` (root included) that satisfy `predicate`, in source order. */
export function findAll<T extends ASTNode>(root: ASTNode, predicate: (node: ASTNode) => node is T): T[];
export function findAll(root: ASTNode, predicate: (node: ASTNode) => boolean): ASTNode[];
export function findAll(root: ASTNode, predicate: (node: ASTNode) => boolean): ASTNode[] {
  const out: ASTNode[] = [];
  walk(root, {
    enter: (node) => {
      if (predicate(node)) out.push(node);
    },
    exit: () => undefined,
  });
  return out;
}
