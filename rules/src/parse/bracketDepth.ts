// Finds where `(` / `[` nesting first exceeds a limit, skipping comments and string literals. The converters follow
// some nestings one call level per bracket (Yul calls), so a file nested past the limit is not parsed: one clear
// finding instead of a stack overflow. The limit is the one the ANTLR parser needed, kept so findings stay the same.

/** Deeper than any hand-written Solidity; parsing this deep already takes about a second. */
export const MAX_BRACKET_DEPTH = 32;

/** Offset of the bracket that opens level `limit + 1`, or undefined when the text stays within the limit. */
export function findExcessiveBracketNesting(text: string, limit = MAX_BRACKET_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const skipped = endOfCommentOrString(text, i);
    if (skipped !== undefined) {
      i = skipped;
    } else if (c === '(' || c === '[') {
      depth++;
      if (depth > limit) return i;
    } else if ((c === ')' || c === ']') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * When a comment or string literal starts at `i`, the offset of its last character (the text's length when it runs
 * to the end); else undefined. An unterminated string ends at the line break, as the lexer sees it.
 */
export function endOfCommentOrString(text: string, i: number): number | undefined {
  const c = text[i];
  if (c === '/' && text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end === -1 ? text.length : end + 1;
  }
  if (c !== '"' && c !== "'") return undefined;
  let j = i + 1;
  for (; j < text.length && text[j] !== c && text[j] !== '\n'; j++) if (text[j] === '\\') j++;
  return j;
}
