// The editor's soak, in one process: a few hundred random edits (a fixed seed: blank lines, comments, the pragma,
// base lists, random characters) across several open documents,
// one of them imported by another, each analysed the way the server does (incremental parse, finding reuse); after
// every edit, every open document's findings must equal a fresh analysis of the same texts. Zero drift.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from 'sol-audit-protocol';
import { randomEdit, seededRandom } from '../../rules/test/support/randomEdits';
import { ProjectAnalyzer } from '../src/projectAnalyzer';
import type { FileAnalysis } from '../src/workerMessages';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures');
const OPEN = [
  'projects/foundry-app/src/ExclusiveVault.sol',
  'projects/foundry-app/lib/guard-kit/src/Exclusive.sol',
  'rules/reentrancy-eth.sol',
  'rules/missing-events-arithmetic.sol',
  'rules/tx-origin.sol',
].map((p) => path.join(FIXTURES, p));
const EDITS = 300;

/** Findings as sorted plain data, so deepEqual compares every field and ignores only report order. */
function canonical(analysis: FileAnalysis): string[] {
  return analysis.findings.map((f) => JSON.stringify(f)).sort();
}

/** `text` with a blank line inserted after a random line. */
function withBlankLine(text: string, random: () => number): string {
  const at = text.indexOf('\n', Math.floor(random() * text.length));
  return at < 0 ? `${text}\n` : `${text.slice(0, at + 1)}\n${text.slice(at + 1)}`;
}

/** `text` with a letter typed at the end of its first line (the license comment), or a space before the pragma's `;`. */
function withOutsideEdit(text: string, random: () => number): string {
  const pragma = /^pragma solidity [^;\n]*/m.exec(text);
  const at = pragma && random() < 0.5 ? pragma.index + pragma[0].length : text.indexOf('\n');
  if (at < 0) return `${text}\n`;
  return `${text.slice(0, at)}${pragma && at === pragma.index + pragma[0].length ? ' ' : 'x'}${text.slice(at)}`;
}

/**
 * `text` with one contract's base list changed: its last base dropped, or a contract declared above it added as its
 * first base (a header edit: how contracts relate changes, and finding reuse re-runs the families involved).
 */
function withBaseListEdit(text: string, random: () => number): string {
  const headers = [...text.matchAll(/^(?:abstract )?contract (\w+)(?: is ([^{]+?))?\s*\{/gm)];
  if (headers.length === 0) return text;
  const index = Math.floor(random() * headers.length);
  const header = headers[index];
  const [whole, name, bases] = header;
  const start = header.index;
  if (bases && random() < 0.5) {
    const kept = bases.split(',').slice(0, -1).join(',').trim();
    return `${text.slice(0, start)}${whole.replace(/ is [^{]+?(\s*\{)$/, kept ? ` is ${kept}$1` : '$1')}${text.slice(start + whole.length)}`;
  }
  const above = headers.slice(0, index).map((h) => h[1]).filter((n) => !bases?.includes(n));
  if (above.length === 0) return text;
  const base = above[Math.floor(random() * above.length)];
  const edited = bases ? whole.replace(` is ${bases}`, ` is ${base}, ${bases}`) : whole.replace(name, `${name} is ${base}`);
  return `${text.slice(0, start)}${edited}${text.slice(start + whole.length)}`;
}

describe('finding reuse soak: random edits across open documents', function () {
  this.timeout(600_000);

  it(`matches a fresh analysis of every open document after each of ${EDITS} edits`, () => {
    const originals = new Map(OPEN.map((p) => [p, fs.readFileSync(p, 'utf8')]));
    const texts = new Map(originals);
    const editor = new ProjectAnalyzer();
    const analyse = (analyzer: ProjectAnalyzer, file: string): FileAnalysis => analyzer.analyze(file, DEFAULT_SETTINGS, undefined);
    for (const [file, text] of texts) {
      editor.host.openTexts.set(file, text);
      analyse(editor, file);
    }
    const random = seededRandom(2026);
    const kinds = new Map<string, number>();
    let reused = 0;
    for (let i = 0; i < EDITS; i++) {
      const file = OPEN[Math.floor(random() * OPEN.length)];
      // Every third edit of the sequence restores its file, so most edits start from a text that parses; of the
      // others, a sixth type in the license comment or the pragma, a sixth change a contract's base list, and
      // three in ten insert a blank line, which keeps it parsing (typing mostly does), so finding reuse is exercised.
      const text = texts.get(file) as string;
      const roll = random();
      const next =
        i % 3 === 2
          ? (originals.get(file) as string)
          : roll < 0.16
            ? withOutsideEdit(text, random)
            : roll < 0.32
              ? withBaseListEdit(text, random)
              : roll < 0.6
                ? withBlankLine(text, random)
                : randomEdit(text, random);
      texts.set(file, next);
      editor.host.openTexts.set(file, next);
      const edited = analyse(editor, file);
      kinds.set(edited.parse, (kinds.get(edited.parse) ?? 0) + 1);
      if (editor.findingReuse.lastScopedRules.length > 0) reused++;

      // A fresh analyzer per edit: nothing carried over, the reference the server's results must equal.
      const fresh = new ProjectAnalyzer();
      for (const [p, t] of texts) fresh.host.openTexts.set(p, t);
      for (const p of OPEN) {
        const got = p === file ? edited : analyse(editor, p);
        assert.deepEqual(canonical(got), canonical(analyse(fresh, p)), `edit ${i} (of ${path.basename(file)}): findings of ${path.basename(p)} drifted`);
      }
      for (const p of OPEN) fresh.parseCache.delete(p);
    }
    // Guards the test itself: the comparisons prove something only if edits went through the incremental paths.
    assert.ok((kinds.get('spliced') ?? 0) >= EDITS / 5, `only ${kinds.get('spliced') ?? 0} of ${EDITS} edits were spliced: ${JSON.stringify([...kinds])}`);
    assert.ok(reused >= EDITS / 10, `only ${reused} of ${EDITS} edits reused findings`);
    for (const p of OPEN) editor.parseCache.delete(p);
    assert.equal(editor.parseCache.keptTrees(), 0);
  });
});
