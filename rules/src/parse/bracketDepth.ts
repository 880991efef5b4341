// Finds where `(` / `[` nesting first exceeds a limit, skipping comments and string literals. The parser's
// time grows quadratically with such nesting (80 parentheses take seconds), so deeper files are not parsed.

/** Deeper than any hand-written Solidity; parsing this deep already takes about a second. */
export const MAX_BRACKET_DEPTH = 32;

/** Offset of the bracket that opens level `limit + 1`, or undefined when the text stays within the limit. */
export function findExcessiveBracketNesting(text: string, limit = MAX_BRACKET_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === '"' || c === "'") {
      // Skip the string; an unterminated one ends at the line break, as the lexer sees it.
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[') {
      depth++;
      if (depth > limit) return i;
    } else if ((c === ')' || c === ']') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
