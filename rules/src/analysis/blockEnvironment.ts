// Recognises the block-environment values a validator can see or steer: timestamps, block numbers, block
// hashes and the beacon-chain randomness field, as weak-prng and timestamp rules ask about them.

import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from './astQueries';

export type BlockValueKind = 'timestamp' | 'number' | 'blockhash' | 'difficulty' | 'prevrandao' | 'coinbase';

/**
 * The kind of block value `node` reads, if any. `now` counts only when the function does not declare its
 * own `now` (legal as a name since 0.7): pass `isLocalName` to say so.
 */
export function blockValueKind(node: ASTNode, isLocalName: (name: string) => boolean = () => false): BlockValueKind | undefined {
  if (node.type === 'MemberAccess' && node.expression.type === 'Identifier' && node.expression.name === 'block') {
    switch (node.memberName) {
      case 'timestamp':
        return 'timestamp';
      case 'number':
        return 'number';
      case 'difficulty':
        return 'difficulty';
      case 'prevrandao':
        return 'prevrandao';
      case 'coinbase':
        return 'coinbase';
      default:
        return undefined;
    }
  }
  if (node.type === 'Identifier' && node.name === 'now' && !isLocalName('now')) return 'timestamp';
  if (node.type === 'FunctionCall' && node.expression.type === 'Identifier' && node.expression.name === 'blockhash') return 'blockhash';
  if (node.type === 'FunctionCall' && isMemberOf(node.expression, 'block', 'blockhash')) return 'blockhash';
  return undefined;
}

export function isBlockTimestamp(node: ASTNode, isLocalName?: (name: string) => boolean): boolean {
  return blockValueKind(node, isLocalName) === 'timestamp';
}

/** The source text a message should show for a block value kind. */
export function blockValueLabel(kind: BlockValueKind): string {
  return kind === 'blockhash' ? 'blockhash' : `block.${kind}`;
}
