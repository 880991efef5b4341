// Finds a `(` or `[` still open where its statement ends (at a `;` outside a `for (…)` header, or at a `}`).
// Tree-sitter's recovery reads on past that point looking for the `)`, and can swallow the rest of the file into
// one broken expression; the ANTLR parser stopped at the statement. parseSolidity skips such a statement instead.

import { endOfCommentOrString } from './bracketDepth';

export interface UnclosedBracket {
  /** Offset of the outermost bracket of the statement that is not closed. */
  bracket: number;
  /** Offset just past the `{`, `;` or `}` before that bracket: where its statement starts. */
  start: number;
  /** Offset just past the statement: after its `;`, or at the `}` that ends its block. */
  end: number;
}

interface Open {
  char: string;
  at: number;
  /** A `(` right after `for`: its `;` separate the header's parts. */
  forHeader: boolean;
  /** Offset just past the last `{`, `;` or `}` before it. */
  statementStart: number;
}

/** The first statement that ends with a bracket open, skipping comments and string literals. */
export function findUnclosedBracket(text: string): UnclosedBracket | undefined {
  const open: Open[] = [];
  let previousWord = '';
  let statementStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const skipped = endOfCommentOrString(text, i);
    if (skipped !== undefined) {
      i = skipped;
      // A string ends the word before it (`for "x" (` is no for header); a comment between does not matter there.
      if (c === '"' || c === "'") previousWord = '';
      continue;
    }
    if (/[A-Za-z0-9_$]/.test(c)) {
      let end = i;
      while (end < text.length && /[A-Za-z0-9_$]/.test(text[end])) end++;
      previousWord = text.slice(i, end);
      i = end - 1;
      continue;
    }
    if (/\s/.test(c)) continue;
    const word = previousWord;
    previousWord = '';
    if (c === '(' || c === '[' || c === '{') open.push({ char: c, at: i, forHeader: c === '(' && word === 'for', statementStart });
    else if (c === ')' || c === ']') {
      if (open.at(-1)?.char !== '{') open.pop();
    } else if (c === ';' || c === '}') {
      const top = open.at(-1);
      if (top !== undefined && top.char !== '{' && !(c === ';' && top.forHeader)) {
        const outermost = outermostInStatement(open);
        return { bracket: outermost.at, start: outermost.statementStart, end: c === ';' ? i + 1 : i };
      }
      if (c === '}') open.pop();
    }
    if ((c === '{' || c === ';' || c === '}') && open.at(-1)?.char !== '(' && open.at(-1)?.char !== '[') statementStart = i + 1;
  }
  return undefined;
}

/** The first bracket opened since the innermost open `{`. */
function outermostInStatement(open: Open[]): Open {
  let index = open.length - 1;
  while (index > 0 && open[index - 1].char !== '{') index--;
  return open[index];
}
