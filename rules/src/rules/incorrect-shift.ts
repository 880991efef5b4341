// incorrect-shift: an assembly `shl`/`shr`/`sar` whose operands look swapped: `shl(x, 224)` shifts the number
// 224 left by `x` bits, where `x << 224` (written `shl(224, x)`) was meant.

import type { AssemblyCall, AssemblyExpression } from '@solidity-parser/parser/dist/src/ast-types';
import { enclosingAssembly, YulBounds } from '../analysis/yulBounds';
import { defineRule } from '../engine/ruleApi';

const SHIFTS = new Set(['shl', 'shr', 'sar']);

function isLiteral(expr: AssemblyExpression): boolean {
  return expr.type === 'DecimalNumber' || expr.type === 'HexNumber' || expr.type === 'HexLiteral' || expr.type === 'StringLiteral' || expr.type === 'BooleanLiteral';
}

export default defineRule({
  meta: {
    id: 'incorrect-shift',
    title: 'Shift operands in the wrong order',
    severity: 'high',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'function',
    swc: [],
    description:
      'In Yul, `shl(a, b)` means `b << a`: the shift amount comes first, unlike the `<<` operator. Writing `shl(value, 8)` shifts the constant 8 by `value` bits instead of shifting the value by 8 bits, which silently produces garbage.',
    exploitScenario:
      'A packed-storage helper extracts a selector with `shr(data, 224)` instead of `shr(224, data)`. The result is 0 for any real calldata word, so every selector check compares against 0, and an attacker reaches a function the dispatcher meant to block.',
    recommendation: 'Put the shift amount first: `shl(8, value)`, `shr(224, word)`.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#incorrect-shift-in-assembly', 'https://docs.soliditylang.org/en/latest/yul.html#evm-dialect'],
    messages: { default: '`{{call}}` shifts the constant {{constant}} by `{{amount}}` bits; the operands look swapped.' },
    hasSuggestions: true,
  },
  create(context) {
    return {
      AssemblyCall(node: AssemblyCall) {
        if (!SHIFTS.has(node.functionName) || node.arguments.length !== 2) return;
        const [amount, value] = node.arguments;
        if (isLiteral(amount) || value.type !== 'DecimalNumber') return;
        // Skip `shl(n, 1)` (a power of two) and hex masks such as `shl(offset, 0xff)`: a constant shifted by a
        // variable amount is the intended idiom there. A decimal bit count (8 … 255) is what a swap leaves behind.
        const constant = Number(value.value);
        if (!Number.isInteger(constant) || constant < 8 || constant > 255) return;
        // Skip an amount the block proves small (`shl(gt(n, 0xfffe), 16)`, a loop's `shr(1, or(m, 8))`): a
        // computed bit count below 256 is a shift amount on purpose; a swap puts a full word there.
        const assembly = enclosingAssembly(context.ancestors());
        const bound = assembly ? YulBounds.of(assembly).upperBound(amount) : undefined;
        if (bound !== undefined && bound < 256n) return;
        const amountText = context.text(amount);
        const swapped = `${node.functionName}(${value.value}, ${amountText})`;
        context.report({
          node,
          messageId: 'default',
          data: { call: context.text(node), constant: value.value, amount: amountText },
          suggest: [{ description: `Swap the operands: \`${swapped}\``, edits: (fixer) => fixer.replace(node, swapped) }],
        });
      },
    };
  },
});
