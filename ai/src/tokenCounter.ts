// Counts prompt tokens with js-tiktoken's o200k_base encoding (the GPT-4o family), offline: the ranks ship in
// the package. Other models tokenise differently, so the budget is an estimate with a margin, not a contract.

import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

let encoder: Tiktoken | undefined;

export function countTokens(text: string): number {
  encoder ??= new Tiktoken(o200k);
  return encoder.encode(text).length;
}

/** Chat messages cost their text plus a few framing tokens each (OpenAI's published accounting). */
export function countMessageTokens(messages: readonly { content: string }[]): number {
  return messages.reduce((sum, m) => sum + countTokens(m.content) + 4, 3);
}
