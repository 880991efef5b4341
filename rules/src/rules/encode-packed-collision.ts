// encode-packed-collision: a hash of `abi.encodePacked(...)` with two or more variable dynamic-type arguments
// (string, bytes, dynamic arrays), where ("a", "bc") and ("ab", "c") pack to the same bytes.

import type { ASTNode, FunctionCall, MemberAccess } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from '../analysis/astQueries';
import { isCompileTimeConstant } from '../analysis/constantExpressions';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';

const HASH_FUNCTIONS = new Set(['keccak256', 'sha256', 'ripemd160', 'sha3']);

export default defineRule({
  meta: {
    id: 'encode-packed-collision',
    title: 'Hash collision with abi.encodePacked',
    severity: 'medium',
    confidence: 'high',
    category: 'signatures',
    scope: 'function',
    swc: ['SWC-133'],
    description:
      '`abi.encodePacked` concatenates dynamic values without length prefixes, so two different argument lists can pack to the same bytes (`("a", "bc")` and `("ab", "c")`). A hash of such a packing used as an id, a mapping key or a signed message identifies more than one input.',
    exploitScenario:
      'A contract authorises `keccak256(abi.encodePacked(admins, users))` with a signature from the owner. The attacker moves an address from the `admins` array to the `users` array: the packed bytes, the hash and the signature stay the same, and the attacker is now an admin.',
    recommendation: 'Use `abi.encode` (length-prefixed) for hashing, or make at most one argument dynamic.',
    references: ['https://swcregistry.io/docs/SWC-133', 'https://docs.soliditylang.org/en/latest/abi-spec.html#non-standard-packed-mode'],
    messages: { default: '`abi.encodePacked` packs {{count}} dynamic values ({{names}}) into a hash; different inputs can collide. Use `abi.encode`.' },
    hasSuggestions: true,
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        if (node.expression.type !== 'Identifier' || !HASH_FUNCTIONS.has(node.expression.name) || node.arguments.length !== 1) return;
        const scope = scopeOf(context);
        const packed = packedCallOf(node.arguments[0], scope);
        if (!packed) return;
        // Skip EIP-712 type strings (`"TypedDataSign(", name, " contents,...)", type`): the spec builds typehashes
        // by concatenation, and the values are type names, not attacker-chosen data.
        if (packed.arguments.some((arg) => arg.type === 'StringLiteral' && arg.value.includes('('))) return;
        const dynamicArgs = packed.arguments.filter((arg) => isVariableDynamic(arg, scope));
        if (dynamicArgs.length < 2) return;
        const member = packed.expression as MemberAccess;
        context.report({
          node,
          messageId: 'default',
          data: { count: dynamicArgs.length, names: dynamicArgs.map((a) => `\`${context.text(a)}\``).join(', ') },
          suggest: [
            {
              description: 'Use `abi.encode` (changes the hash: stored hashes and existing signatures stop matching)',
              edits: (fixer) => {
                const [start, end] = [member.range?.[0] ?? 0, (member.range?.[1] ?? 0) + 1];
                return fixer.replaceRange(start, end, 'abi.encode');
              },
            },
          ],
        });
      },
    };
  },
});

/** `abi.encodePacked(...)` as the hashed value, directly or through a local `bytes` holding it. */
function packedCallOf(arg: ASTNode, scope: FunctionScope): FunctionCall | undefined {
  if (isPackedCall(arg)) return arg;
  if (arg.type === 'Identifier' && scope.callable) {
    const flow = LocalDataFlow.of(scope.callable);
    if (!flow.declaration(arg.name) || flow.isParameter(arg.name)) return undefined;
    return flow.definitionsOf(arg.name).find(isPackedCall);
  }
  return undefined;
}

function isPackedCall(node: ASTNode): node is FunctionCall {
  return node.type === 'FunctionCall' && isMemberOf(node.expression, 'abi', 'encodePacked');
}

/** A value of dynamic length that is not a literal: `string`, `bytes`, `T[]` variables, `msg.data`, conversions. */
function isVariableDynamic(arg: ASTNode, scope: FunctionScope): boolean {
  // Skip literals: a fixed string cannot shift bytes into its neighbour.
  if (arg.type === 'StringLiteral' || arg.type === 'HexLiteral') return false;
  // Skip `constant` strings and bytes (EIP-712 type strings concatenated into a typehash): fixed at compile time
  // like a literal, so no caller can move bytes across the boundary.
  if (isCompileTimeConstant(arg, (name) => scope.stateVariable(name, arg)?.node.isDeclaredConst === true)) return false;
  if (isMemberOf(arg, 'msg', 'data')) return true;
  const type = scope.typeOf(arg)?.node;
  if (!type) return false;
  if (type.type === 'ElementaryTypeName') return type.name === 'string' || type.name === 'bytes';
  return type.type === 'ArrayTypeName' && type.length === null;
}
