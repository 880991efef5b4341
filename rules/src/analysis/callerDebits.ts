// Whether a function charges its caller for an amount it pays out or mints: the amount comes off the caller's
// own entry (`balances[msg.sender] -= amount`) or is handed, with the caller, to a state-changing helper that
// books the debt (`_accountDelta(currency, -amount, msg.sender)`, `_burn(msg.sender, amount)`).

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { SourceFile } from '../project/sourceFile';
import { isMsgSender } from './astQueries';
import { classifyCall } from './calls';
import type { FunctionScope } from './scope';

function compactText(node: ASTNode, file: SourceFile): string {
  return node.range ? file.text.slice(node.range[0], node.range[1] + 1).replace(/\s+/g, '') : node.type;
}

/** The outermost key of a write target: `owner` in `balances[owner][token]`. */
function outermostKey(target: ASTNode): ASTNode | undefined {
  let current: ASTNode = target;
  let key: ASTNode | undefined;
  while (current.type === 'IndexAccess' || current.type === 'MemberAccess') {
    if (current.type === 'IndexAccess') {
      key = current.index ?? undefined;
      current = current.base;
    } else {
      current = current.expression;
    }
  }
  return key;
}

/** Whether the text `amount` occurs as a whole expression inside `node`. */
function mentions(node: ASTNode, amount: string, file: SourceFile): boolean {
  return findAll(node, () => true).some((n) => compactText(n, file) === amount);
}

/**
 * Whether `fn`'s own body charges the caller for `amount` (an expression of `fn`). `exclude` is the call that
 * pays or mints, which is not its own charge (`_mint(msg.sender, amount)`).
 */
export function chargesCaller(fn: FunctionDefinition, amount: ASTNode, scope: FunctionScope, exclude?: ASTNode): boolean {
  if (!fn.body) return false;
  const file = scope.file;
  const text = compactText(amount, file);
  return findAll(fn.body, () => true).some((node) => {
    if (node === exclude) return false;
    // `balances[msg.sender] -= amount`, `credit[msg.sender][token] -= amount`.
    if (node.type === 'BinaryOperation' && node.operator === '-=') return isMsgSender(outermostKey(node.left)) && mentions(node.right, text, file);
    if (node.type !== 'FunctionCall' || !node.arguments.some((a) => isMsgSender(a)) || !node.arguments.some((a) => mentions(a, text, file))) return false;
    // A helper that books it: internal, and able to change state (a view check of the caller's limit is no charge).
    const call = classifyCall(node, scope);
    const helper = call.kind === 'internal' ? call.resolved?.node : undefined;
    return !!helper && helper.stateMutability !== 'view' && helper.stateMutability !== 'pure';
  });
}
