// Follows values through the local variables of one function, flow-insensitively: which expressions each
// local is assigned, and whether an expression depends (directly or through locals) on some source node.

import type { ASTNode, Expression, FunctionDefinition, ModifierDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { ASSIGNMENT_OPERATORS } from './astQueries';
import { childrenOf, findAll } from '../engine/walk';

type Callable = FunctionDefinition | ModifierDefinition;

export class LocalDataFlow {
  private readonly definitions = new Map<string, Expression[]>();
  private readonly declarations = new Map<string, VariableDeclaration>();

  private constructor(readonly callable: Callable) {
    for (const param of [...(callable.parameters ?? []), ...(callable.type === 'FunctionDefinition' ? (callable.returnParameters ?? []) : [])]) {
      if (param.name) this.declarations.set(param.name, param);
    }
    if (!callable.body) return;
    for (const node of findAll(callable.body, () => true)) {
      if (node.type === 'VariableDeclarationStatement') {
        for (const variable of node.variables) {
          if (variable?.type !== 'VariableDeclaration') continue;
          const declaration = variable as VariableDeclaration;
          if (!declaration.name) continue;
          this.declarations.set(declaration.name, declaration);
          // A tuple declaration `(a, b) = f()` is approximated by giving every name the whole right side.
          if (node.initialValue) this.addDefinition(declaration.name, node.initialValue);
        }
      } else if (node.type === 'BinaryOperation' && ASSIGNMENT_OPERATORS.has(node.operator)) {
        for (const target of assignedNames(node.left)) this.addDefinition(target, node.right);
      }
    }
  }

  private static readonly cache = new WeakMap<Callable, LocalDataFlow>();

  static of(callable: Callable): LocalDataFlow {
    let flow = LocalDataFlow.cache.get(callable);
    if (!flow) {
      flow = new LocalDataFlow(callable);
      LocalDataFlow.cache.set(callable, flow);
    }
    return flow;
  }

  private addDefinition(name: string, value: Expression): void {
    const list = this.definitions.get(name) ?? [];
    list.push(value);
    this.definitions.set(name, list);
  }

  /** The declaration of a parameter, return variable or local of this function with this name. */
  declaration(name: string): VariableDeclaration | undefined {
    return this.declarations.get(name);
  }

  isParameter(name: string): boolean {
    return (this.callable.parameters ?? []).some((p) => p.name === name);
  }

  /** Every expression assigned to the local `name` anywhere in the function. */
  definitionsOf(name: string): Expression[] {
    return this.definitions.get(name) ?? [];
  }

  /**
   * The first node below `expr` that satisfies `isSource`, following locals to the values they are assigned.
   * `shouldDescend` can stop the search at nodes whose result no longer carries the source (a `.length`).
   */
  findSource(expr: ASTNode, isSource: (node: ASTNode) => boolean, shouldDescend: (node: ASTNode) => boolean = () => true): ASTNode | undefined {
    const visitedLocals = new Set<string>();
    // One worklist for the expression and the values of the locals it reads, each local followed once, so that
    // a chain of thousands of locals cannot overflow the call stack (issue 12). A local's values go on top,
    // first one last, so they are searched before the rest, in order, as a recursive search would.
    const pending: ASTNode[] = [expr];
    while (pending.length > 0) {
      const node = pending.pop() as ASTNode;
      if (isSource(node)) return node;
      if (!shouldDescend(node)) continue;
      if (node.type === 'Identifier' && this.declarations.has(node.name) && !visitedLocals.has(node.name)) {
        visitedLocals.add(node.name);
        pending.push(...[...this.definitionsOf(node.name)].reverse());
      }
      pending.push(...childrenOf(node));
    }
    return undefined;
  }

  dependsOn(expr: ASTNode, isSource: (node: ASTNode) => boolean, shouldDescend?: (node: ASTNode) => boolean): boolean {
    return this.findSource(expr, isSource, shouldDescend) !== undefined;
  }
}

function assignedNames(target: ASTNode): string[] {
  if (target.type === 'Identifier') return [target.name];
  if (target.type === 'TupleExpression') return target.components.flatMap((c) => (c ? assignedNames(c as ASTNode) : []));
  return [];
}
