// The fix that adds a modifier the contract already has (`nonReentrant`, `onlyOwner`) to a function header,
// after its visibility and existing modifiers and before `returns (` or the body; shared by the rules whose
// remedy is such a guard.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { FixDescriptor } from '../engine/ruleApi';
import { solidityTokens } from '../parse/solidityTokens';
import type { ContractInfo } from '../project/projectModel';

/**
 * The offset right after the last header token before `returns` (or before the body), where ` modifier` goes.
 * Comments are skipped so the modifier never lands inside a `// …` that runs up to the brace.
 */
function insertionOffset(text: string, fn: FunctionDefinition): number | undefined {
  if (!fn.range || !fn.body?.range) return undefined;
  const headerStart = fn.range[0];
  const tokens = solidityTokens(text.slice(headerStart, fn.body.range[0]));
  // String literals are whole tokens and comments are left out, so a `returns` token is the keyword.
  const returnsAt = tokens.findIndex((t) => t.text === 'returns');
  const last = tokens[(returnsAt < 0 ? tokens.length : returnsAt) - 1];
  return last ? headerStart + last.range[1] : undefined;
}

/**
 * A fix adding `modifier` to `fn`, or undefined when it is not clearly right: the contract (with its bases)
 * declares no parameterless modifier of that name, `fn` already uses it, `fn` is public, or the header cannot be read.
 */
export function addModifierFix(text: string, fn: FunctionDefinition, contract: ContractInfo, modifier: string): FixDescriptor | undefined {
  if (fn.modifiers.some((m) => m.name === modifier)) return undefined;
  const declared = contract.resolveModifier(modifier);
  if (!declared || (declared.node.parameters?.length ?? 0) > 0) return undefined;
  // Skip public functions: code in this contract, a base or a derived one may call them internally, and the
  // modifier would run there too (a nested `nonReentrant` reverts, `onlyOwner` shuts out callers the outer
  // function admits). Looking for such calls would make the fix depend on other bodies, which finding reuse
  // in the editor does not re-check for function-scoped rules.
  if (fn.visibility === 'public') return undefined;
  const offset = insertionOffset(text, fn);
  if (offset === undefined) return undefined;
  return { description: `Add the \`${modifier}\` modifier`, edits: (fixer) => fixer.replaceRange(offset, offset, ` ${modifier}`) };
}
