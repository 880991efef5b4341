// signature-unbound-parameters: a function checks a signature, then moves value by parameters (amount, token,
// token id, recipient) the signed message does not contain, so a signature given for one call authorises another.

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { analysedFunction, isStateChangingEntryPoint } from '../analysis/entryPoints';
import { isBound, signedMessages, valueMovingUses, type SignedMessage } from '../analysis/signedBindings';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==']);

/**
 * Whether the body compares `path` with a value the signature binds (`require(amount <= maxAmount)` for a signed
 * cap): the parameter is then bounded by what was signed, not free.
 */
function isCappedBySigned(fn: FunctionDefinition, path: string, message: SignedMessage, file: { text: string }, textOf: (n: ASTNode) => string): boolean {
  if (!fn.body) return false;
  const mentions = (node: ASTNode, p: string) => new RegExp(`(^|[^\\w.])${p.replace('.', '\\s*\\.\\s*')}(?!\\w)`).test(textOf(node));
  const boundNames = (fn.parameters ?? []).map((p) => p.name).filter((n): n is string => !!n && isBound(n, message, file));
  // A running total the parameter is added to (`claimed[msg.sender] += amount`) carries it into a later check.
  const carriers = new Set(
    findAll(fn.body, (n) => n.type === 'BinaryOperation' && n.operator === '+=').flatMap((n) => (n.type === 'BinaryOperation' && mentions(n.right, path) ? [textOf(n.left).replace(/\s+/g, '')] : [])),
  );
  const carries = (node: ASTNode) => mentions(node, path) || [...carriers].some((c) => textOf(node).replace(/\s+/g, '').includes(c));
  return findAll(fn.body, (n) => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator)).some((n) => {
    if (n.type !== 'BinaryOperation') return false;
    const sides: [ASTNode, ASTNode][] = [
      [n.left, n.right],
      [n.right, n.left],
    ];
    return sides.some(([mine, other]) => carries(mine) && boundNames.some((name) => name !== path && mentions(other, name)));
  });
}

export default defineRule({
  meta: {
    id: 'signature-unbound-parameters',
    title: 'Signed message does not bind the parameters that move value',
    severity: 'high',
    confidence: 'medium',
    category: 'signatures',
    scope: 'contract',
    citesLines: true,
    swc: ['SWC-117'],
    description:
      'A signature authorises exactly the message that was signed. When a function checks a signature and then pays, mints or transfers using a parameter that is not part of that message (the amount, the token, the token id, or the recipient when the caller is not bound either), whoever holds a valid signature, or sees one in the mempool, can submit it with any value for that parameter.\n\nThe rule follows the message through local variables, typed-data helpers and internal functions that build and recover it, and the value through internal helpers. A recipient is not reported when the message binds the caller (the signer authorised that caller, who picks where to receive), nor a parameter compared with a signed value (a signed cap).',
    exploitScenario:
      'A rewards contract lets users `claim(to, amount, signature)` where the backend signs `keccak256(abi.encode(msg.sender, nonce))`. A user receives a signature for a 10-token claim and submits it with `amount = 1_000_000`: the signature still verifies, and the contract pays the whole reward pool.',
    recommendation:
      'Put every value the call acts on into the signed message (EIP-712 struct with amount, recipient, token, id, nonce and deadline), or bound the free parameter by a signed value (`require(amount <= signedMax)`) and track what was used.',
    references: ['https://swcregistry.io/docs/SWC-117', 'https://eips.ethereum.org/EIPS/eip-712', 'https://solodit.cyfrin.io/?q=signature+does+not+include'],
    messages: {
      unbound: '`{{param}}` decides {{what}} in `{{use}}`, but the message whose signature is checked at line {{line}} does not contain it: a signature for one `{{param}}` authorises any.',
    },
  },
  create(context) {
    return {
      FunctionDefinition(node: FunctionDefinition) {
        const analysed = analysedFunction(context, node);
        if (!analysed || !isStateChangingEntryPoint(node)) return;
        const project = context.project;
        const messages = signedMessages(node, analysed.contract, project);
        if (messages.length === 0) return;
        const file = context.file;
        const uses = valueMovingUses(node, analysed.contract, project);
        const reported = new Set<string>();
        for (const use of uses) {
          if (reported.has(use.path)) continue;
          // Any one signature check binding the parameter is enough: it authorises that value.
          if (messages.some((m) => isBound(use.path, m, file))) continue;
          // A recipient the signed message leaves open is the authorised caller's choice when it binds the caller.
          if (use.recipient && messages.some((m) => m.bindsCaller)) continue;
          if (messages.some((m) => isCappedBySigned(node, use.path, m, file, context.text))) continue;
          const message = messages[0];
          reported.add(use.path);
          context.report({
            node: use.at,
            messageId: 'unbound',
            data: { param: use.path, what: use.recipient ? 'who receives the value' : 'what moves (amount, token or id)', use: context.text(use.at).replace(/\s+/g, ' ').slice(0, 80), line: String(message.site.loc?.start.line ?? '?') },
            related: [{ node: message.site, message: 'the signature check' }],
          });
        }
      },
    };
  },
});
