// Random single edits of a source text from a seeded generator: the incremental parse and finding-reuse tests
// compare what an edited document gives with a fresh parse or analysis, and a failing seed replays.

/** A deterministic pseudo-random sequence (mulberry32), so a failure replays. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['1', ' ', '\n', 'x', ';', '}', '{', '// note\n', '/* c */', 'uint256 a = 2;', 'require(x > 0);\n'];

/** One random edit: an insertion of a token or a short deletion, placed where the text already has a letter or digit. */
export function randomEdit(text: string, random: () => number): string {
  let at = Math.floor(random() * text.length);
  while (at < text.length && !/[\w ]/.test(text[at])) at++;
  if (random() < 0.3) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 4)));
  return text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
}
