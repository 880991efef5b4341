// The tokens of a piece of Solidity as tree-sitter lexes it, comments left out: for fixes that insert text
// between the tokens of a header, where a regular expression would be fooled by comments and strings.

import { treeSitterParser } from './treeSitter/loadGrammar';

export interface Token {
  text: string;
  /** Offsets into the tokenized text, end exclusive. */
  range: [number, number];
}

/** Tokens of `text` in order; the text need not be a whole source unit (a function header is enough). */
export function solidityTokens(text: string): Token[] {
  const tree = treeSitterParser().parse(text);
  if (tree === null) return [];
  try {
    const tokens: Token[] = [];
    const cursor = tree.walk();
    for (;;) {
      const type = cursor.nodeType;
      // A string literal is one token, as in the compiler's lexer, though tree-sitter gives it parts.
      const isToken = type === 'string' || (cursor.currentNode.childCount === 0 && !cursor.nodeIsMissing);
      if (isToken && type !== 'comment') tokens.push({ text: cursor.currentNode.text, range: [cursor.startIndex, cursor.endIndex] });
      if (!isToken && type !== 'comment' && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return tokens;
      }
    }
  } finally {
    tree.delete();
  }
}
