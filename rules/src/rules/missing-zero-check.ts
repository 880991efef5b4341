// missing-zero-check: an address parameter is stored in state or sent ETH without a check against address(0).

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { isAnalysedContract, isStateChangingEntryPoint } from '../analysis/entryPoints';
import { isAddressType, scopeOf, type FunctionScope } from '../analysis/scope';
import { indentationAt } from '../analysis/statementFixes';
import { defineRule, type FixDescriptor } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** `p`, `payable(p)` or `address(p)` for the parameter named `name`. */
function isParameterValue(expr: ASTNode | null | undefined, name: string): boolean {
  if (!expr) return false;
  if (expr.type === 'Identifier') return expr.name === name;
  if (expr.type === 'FunctionCall' && expr.arguments.length === 1) {
    const callee = expr.expression;
    const converts = (callee.type === 'Identifier' && (callee.name === 'payable' || callee.name === 'address')) || callee.type === 'ElementaryTypeName';
    return converts && isParameterValue(expr.arguments[0], name);
  }
  return false;
}

function isZeroAddress(expr: ASTNode): boolean {
  if (expr.type === 'NumberLiteral') return /^0+$/.test(expr.number) || /^0x0+$/i.test(expr.number);
  return expr.type === 'FunctionCall' && expr.arguments.length === 1 && isZeroAddress(expr.arguments[0]);
}

/** A comparison of the parameter with zero, or any call the parameter is handed to (which may validate it). */
function isCheckedOrDelegated(fn: FunctionDefinition, name: string, scope: FunctionScope): boolean {
  const body = fn.body as ASTNode;
  const compared = findAll(body, (n) => n.type === 'BinaryOperation' && (n.operator === '==' || n.operator === '!=') && ((isParameterValue(n.left, name) && isZeroAddress(n.right)) || (isParameterValue(n.right, name) && isZeroAddress(n.left))));
  if (compared.length > 0) return true;
  if (fn.modifiers.some((m) => (m.arguments ?? []).some((a) => isParameterValue(a, name)))) return true;
  return findAll(body, (n): n is FunctionCall => n.type === 'FunctionCall').some((call) => {
    const kind = classifyCall(call, scope).kind;
    return (kind === 'internal' || kind === 'library' || kind === 'unknown') && call.arguments.some((a) => isParameterValue(a, name));
  });
}

function isEmptyCalldata(expr: ASTNode | undefined): boolean {
  return !expr || (expr.type === 'StringLiteral' && expr.value === '') || (expr.type === 'HexLiteral' && expr.value === '');
}

/**
 * Inserts `require(name != address(0), …)` as the first statement of the body: on a line of its own right after the
 * `{` line (so a `// sol-audit-disable-next-line` above the first statement keeps its target), or after the `{`
 * when the body is on one line.
 */
function zeroCheckFix(text: string, fn: FunctionDefinition, name: string): FixDescriptor | undefined {
  const first = fn.body?.statements[0];
  if (!fn.body?.range || !first?.range) return undefined;
  const check = `require(${name} != address(0), "${name}: zero address");`;
  const afterBrace = fn.body.range[0] + 1;
  const newline = text.indexOf('\n', afterBrace);
  let at = afterBrace;
  let inserted = ` ${check}`;
  if (newline >= 0 && newline < first.range[0]) {
    const eol = text[newline - 1] === '\r' ? '\r\n' : '\n';
    const lineEnd = newline + 1 - eol.length;
    // After a trailing `// …` on the brace line; a block comment opened there may run on, so then right after the brace.
    if (/^[ \t]*(\/\/.*)?$/.test(text.slice(afterBrace, lineEnd))) at = lineEnd;
    inserted = `${eol}${indentationAt(text, first.range[0])}${check}`;
  }
  return { description: `Require \`${name}\` to be non-zero`, edits: (fixer) => fixer.replaceRange(at, at, inserted) };
}

interface Sink {
  node: ASTNode;
  what: string;
}

function sinksOf(fn: FunctionDefinition, param: VariableDeclaration, scope: FunctionScope): Sink[] {
  const name = param.name as string;
  const out: Sink[] = [];
  for (const node of findAll(fn.body as ASTNode, () => true)) {
    if (node.type === 'BinaryOperation' && node.operator === '=' && node.left.type === 'Identifier' && isParameterValue(node.right, name)) {
      const state = scope.stateVariable(node.left.name, node.left);
      // Skip pending values (`pendingOwner`): setting them to zero is how a transfer is cancelled.
      if (state && state.node.typeName?.type !== 'Mapping' && !/^_?pending/i.test(node.left.name)) out.push({ node, what: `stored in \`${node.left.name}\`` });
    }
    if (node.type === 'FunctionCall') {
      const call = classifyCall(node, scope);
      // Plain payments only: a call carrying caller-supplied calldata is an arbitrary-call relay, not a payment.
      const plainPayment = call.kind === 'eth-transfer' || call.kind === 'send' || (call.kind === 'low-level-call' && isEmptyCalldata(call.args[0]));
      if (call.sendsEth && plainPayment && isParameterValue(call.target as Expression | undefined, name)) out.push({ node, what: 'sent ETH' });
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'missing-zero-check',
    title: 'Address parameter not checked for zero',
    severity: 'low',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'function',
    swc: [],
    description:
      'An address parameter is written to a state variable, or receives ETH, without a check that it is not `address(0)`. A mistaken zero address locks ownership or burns funds for good.',
    exploitScenario:
      'An admin script passes an unset variable to `setTreasury(address)`; the treasury becomes `address(0)` and every fee sent there afterwards is lost.',
    recommendation: 'Add `require(p != address(0))` (or a custom error) before storing or paying the address.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#missing-zero-address-validation'],
    messages: { default: '`{{param}}` is {{what}} without a zero-address check.' },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        const scope = scopeOf(context, fn);
        for (const param of fn.parameters) {
          if (!param.name || !isAddressType(param.typeName ? { node: param.typeName, fromFile: context.file.path } : undefined)) continue;
          const sinks = sinksOf(fn, param, scope);
          if (sinks.length === 0 || isCheckedOrDelegated(fn, param.name, scope)) continue;
          const fix = zeroCheckFix(context.file.text, fn, param.name);
          for (const sink of sinks) context.report({ node: sink.node, messageId: 'default', data: { param: param.name, what: sink.what }, fix });
        }
      },
    };
  },
});
