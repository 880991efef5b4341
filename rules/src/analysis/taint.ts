// Intra-procedural taint: which locals carry values from the function's parameters, `msg.sender`,
// `msg.data`, `msg.value` or `tx.origin`, propagated through local assignments to a fixpoint.

import type { ASTNode, Expression, FunctionDefinition, Identifier, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll, walk } from '../engine/walk';
import { ASSIGNMENT_OPERATORS, isMemberOf, isMsgSender } from './astQueries';
import { isElementaryTypeName, type FunctionScope } from './scope';

/** Which values count as attacker-chosen. */
export interface TaintSources {
  /** Parameters of the function (the caller picks them): all of them, or only the ones in the set. */
  parameters?: boolean | ReadonlySet<VariableDeclaration>;
  msgSender?: boolean;
  msgData?: boolean;
  msgValue?: boolean;
  /** `tx.origin`: not chosen by a caller, but followed where it is used as an identity (tx-origin). */
  txOrigin?: boolean;
}

const ALL_SOURCES: TaintSources = { parameters: true, msgSender: true, msgData: true, msgValue: true };

/** Conversions and decoders pass their argument's taint through; other calls return fresh values. */
function passesTaintThrough(call: ASTNode, scope: FunctionScope): boolean {
  if (call.type !== 'FunctionCall') return false;
  const callee = call.expression;
  if (callee.type === 'ElementaryTypeName') return true;
  if (callee.type === 'Identifier') return callee.name === 'payable' || isElementaryTypeName(callee.name) || !!scope.contractNamed(callee.name);
  return isMemberOf(callee, 'abi', 'decode');
}

/** Taint of one function's locals, computed once; ask it `isTainted(expr)`. */
export class FunctionTaint {
  private readonly tainted = new Set<VariableDeclaration>();
  private readonly sources: Required<TaintSources>;

  constructor(
    readonly scope: FunctionScope,
    sources: TaintSources = ALL_SOURCES,
  ) {
    this.sources = { parameters: false, msgSender: false, msgData: false, msgValue: false, txOrigin: false, ...sources };
    const body = scope.callable?.body;
    if (body) this.propagate(body);
  }

  private propagate(body: ASTNode): void {
    const flows: { targets: Expression[] | VariableDeclaration[]; value: Expression }[] = [];
    walk(body, {
      enter: (node) => {
        if (node.type === 'BinaryOperation' && ASSIGNMENT_OPERATORS.has(node.operator)) {
          const left = node.left.type === 'TupleExpression' ? (node.left.components.filter(Boolean) as Expression[]) : [node.left];
          flows.push({ targets: left, value: node.right });
        }
      },
      exit: () => undefined,
    });
    for (const statement of findAll(body, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement')) {
      if (statement.initialValue) flows.push({ targets: statement.variables.filter((v): v is VariableDeclaration => v?.type === 'VariableDeclaration'), value: statement.initialValue });
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (const flow of flows) {
        if (!this.isTainted(flow.value)) continue;
        for (const target of flow.targets) {
          const decl = target.type === 'VariableDeclaration' ? target : this.localOf(target);
          if (decl && !this.tainted.has(decl)) {
            this.tainted.add(decl);
            changed = true;
          }
        }
      }
    }
  }

  private localOf(target: ASTNode): VariableDeclaration | undefined {
    if (target.type !== 'Identifier') return undefined;
    const decl = this.scope.resolve(target.name, target);
    return decl && decl.kind !== 'state' ? decl.node : undefined;
  }

  /** Whether the value of `expr` may come from a chosen source. Indexing by a tainted key does not taint the value read. */
  isTainted(expr: ASTNode | null | undefined): boolean {
    // A worklist, not recursion: the value is tainted when any part it is computed from is, and a chain of
    // operators, members or indexes can be thousands of links long (issue 12).
    const pending: (ASTNode | null | undefined)[] = [expr];
    while (pending.length > 0) {
      const part = pending.pop();
      if (part && this.isTaintedSource(part, pending)) return true;
    }
    return false;
  }

  /** Whether `expr` is itself a tainted source; the parts whose taint it passes on are added to `pending`. */
  private isTaintedSource(expr: ASTNode, pending: (ASTNode | null | undefined)[]): boolean {
    switch (expr.type) {
      case 'Identifier': {
        const decl = this.scope.resolve(expr.name, expr);
        if (!decl || decl.kind === 'state') return false;
        if (decl.kind === 'parameter' && this.isChosenParameter(decl.node)) return true;
        return this.tainted.has(decl.node);
      }
      case 'MemberAccess': {
        const base = expr.expression;
        if (base.type === 'Identifier' && base.name === 'msg') {
          if (expr.memberName === 'sender') return this.sources.msgSender;
          if (expr.memberName === 'data') return this.sources.msgData;
          if (expr.memberName === 'value') return this.sources.msgValue;
        }
        if (base.type === 'Identifier' && base.name === 'tx' && expr.memberName === 'origin') return this.sources.txOrigin;
        pending.push(base);
        return false;
      }
      case 'IndexAccess':
      case 'IndexRangeAccess':
        pending.push(expr.base);
        return false;
      case 'FunctionCall':
        if (isMsgSender(expr)) return this.sources.msgSender;
        if (passesTaintThrough(expr, this.scope)) pending.push(...expr.arguments);
        return false;
      case 'TupleExpression':
        pending.push(...(expr.components as (ASTNode | null)[]));
        return false;
      case 'Conditional':
        pending.push(expr.trueExpression, expr.falseExpression);
        return false;
      case 'BinaryOperation':
        pending.push(expr.left, expr.right);
        return false;
      case 'UnaryOperation':
        pending.push(expr.subExpression);
        return false;
      default:
        return false;
    }
  }

  /** Whether a local or parameter (by declaration) is tainted. */
  isTaintedDeclaration(decl: VariableDeclaration): boolean {
    return this.tainted.has(decl) || ((this.scope.callable?.parameters ?? []).includes(decl) && this.isChosenParameter(decl));
  }

  private isChosenParameter(decl: VariableDeclaration): boolean {
    const chosen = this.sources.parameters;
    return typeof chosen === 'boolean' ? chosen : chosen.has(decl);
  }
}

/** The names of `fn`'s parameters that an expression reads directly. */
export function parameterNames(expr: ASTNode, fn: FunctionDefinition): string[] {
  const names = new Set((fn.parameters ?? []).map((p) => p.name));
  return findAll(expr, (n): n is Identifier => n.type === 'Identifier' && names.has(n.name)).map((n) => n.name);
}
