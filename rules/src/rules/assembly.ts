// assembly: inline assembly that writes storage or memory, calls out, logs or ends execution. Blocks that
// only read (`extcodesize`, `x.slot := s`, `chainid()`) or only use the scratch space are skipped: they
// bypass no check worth a review.

import type { AssemblyCall, ASTNode, InlineAssemblyStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { rangeNode } from '../analysis/rangeNode';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** Yul builtins grouped by the effect a reviewer has to check by hand. */
const EFFECTS: readonly [effect: string, opcodes: readonly string[]][] = [
  ['writes storage', ['sstore', 'tstore']],
  ['writes memory', ['mstore', 'mstore8', 'mcopy', 'calldatacopy', 'codecopy', 'extcodecopy', 'returndatacopy', 'datacopy']],
  ['calls other contracts', ['call', 'callcode', 'delegatecall', 'staticcall']],
  ['creates contracts', ['create', 'create2']],
  ['ends execution', ['return', 'revert', 'stop', 'invalid', 'selfdestruct']],
  ['emits logs', ['log0', 'log1', 'log2', 'log3', 'log4']],
];

/** Solidity reserves 0x00-0x3f as scratch space that inline assembly may overwrite between statements. */
const SCRATCH_SPACE_END = 0x40;

/** A constant-offset `mstore`/`mstore8` that stays inside the scratch space (hashing two words, say). */
function writesScratchSpaceOnly(call: AssemblyCall): boolean {
  const offset = call.arguments[0];
  if (!offset || (offset.type !== 'DecimalNumber' && offset.type !== 'HexNumber')) return false;
  const start = Number(offset.value);
  const width = call.functionName === 'mstore8' ? 1 : call.functionName === 'mstore' ? 32 : Infinity;
  return start + width <= SCRATCH_SPACE_END;
}

function effectsOf(block: ASTNode): string[] {
  const calls = findAll(block, (n): n is AssemblyCall => n.type === 'AssemblyCall').filter((c) => !writesScratchSpaceOnly(c));
  const called = new Set(calls.map((c) => c.functionName));
  return EFFECTS.filter(([, opcodes]) => opcodes.some((op) => called.has(op))).map(([effect]) => effect);
}

export default defineRule({
  meta: {
    id: 'assembly',
    title: 'Inline assembly',
    severity: 'informational',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    swc: [],
    description:
      'Inline assembly bypasses Solidity\'s type system, overflow checks, memory management and reentrancy-relevant call semantics. Every block that writes storage or memory, calls out, logs or ends execution needs a manual review. Blocks that only read values (code size, chain id, storage slot pointers) or only write the 0x00-0x3f scratch space (two-word hashing) are not reported.',
    exploitScenario:
      'A block builds call data with `mstore` past the free-memory pointer without advancing it; a later Solidity allocation reuses that memory and overwrites an argument, so the wrong amount is transferred.',
    recommendation:
      'Prefer Solidity or audited libraries. When assembly is needed, keep blocks small, mark them `("memory-safe")` only when they respect the memory model, and document every storage slot and memory range they touch.',
    references: [
      'https://docs.soliditylang.org/en/latest/assembly.html',
      'https://docs.soliditylang.org/en/latest/assembly.html#memory-safety',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#assembly-usage',
    ],
    messages: { default: 'Inline assembly that {{effects}}; review it by hand, Solidity\'s checks do not apply.' },
  },
  create(context) {
    return {
      InlineAssemblyStatement(node: InlineAssemblyStatement) {
        // Nested blocks are part of the outer statement's review.
        if (context.ancestors().some((a) => a.type === 'InlineAssemblyStatement')) return;
        const effects = effectsOf(node.body);
        if (effects.length === 0) return;
        const start = node.range?.[0] ?? 0;
        context.report({ node: rangeNode(start, start + 'assembly'.length), messageId: 'default', data: { effects: joinEffects(effects) } });
      },
    };
  },
});

function joinEffects(effects: string[]): string {
  return effects.length === 1 ? effects[0] : `${effects.slice(0, -1).join(', ')} and ${effects.at(-1)}`;
}
