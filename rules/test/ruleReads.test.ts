// A rule's meta.readsCompilerVersion, meta.readsComments, meta.readsUnrelatedDeclarations and meta.citesLines must
// tell the truth: an edit of the pragma, or of a comment outside every item, re-runs only the rules declaring the
// first two, an edit outside every body re-runs a rule reading every contract's layout in full, and finding reuse
// cannot move a line number inside a message. This reads each rule's source and the analysis modules it imports,
// transitively, for the reads that make a rule depend on them, and its messages.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../src/index';
import { REPO_ROOT } from './support/fixtureProject';

const SRC = path.join(REPO_ROOT, 'rules/src');
/** The folders whose modules a rule's findings are computed by (the engine and the parser are not the rule's reads). */
const RULE_CODE = [path.join(SRC, 'rules'), path.join(SRC, 'analysis')];
/** Reading the file's pragma: the version it admits decides what the rule reports. */
const READS_PRAGMA = /\.pragma\b/;
/** Searching the whole file's text: a comment outside every item is part of it. */
const READS_WHOLE_TEXT = /\bfile\.text\.(?:includes|matchAll|match|search|indexOf)\(/;

/** Comparing a proxy's slots with every contract of the project, whatever its relation to the proxy. */
const READS_EVERY_LAYOUT = /(?<!function )\blayoutMirror\(/;

/** The source of `file` and of every rule or analysis module it imports, transitively. */
function sourcesOf(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  const imported = [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((m) => `${path.resolve(path.dirname(file), m[1])}.ts`)
    .filter((p) => RULE_CODE.some((dir) => p.startsWith(`${dir}${path.sep}`)) && fs.existsSync(p));
  return [text, ...imported.flatMap((p) => sourcesOf(p, seen))];
}

describe('rule metadata: what a rule reads besides the tree', () => {
  for (const rule of ALL_RULES) {
    it(`${rule.meta.id} declares the pragma and whole-file reads its code makes`, () => {
      const sources = sourcesOf(path.join(SRC, 'rules', `${rule.meta.id}.ts`));
      if (sources.some((s) => READS_PRAGMA.test(s))) assert.equal(rule.meta.readsCompilerVersion, true, 'reads the pragma: declare readsCompilerVersion');
      else assert.equal(rule.meta.readsCompilerVersion, undefined, 'reads no pragma: readsCompilerVersion would re-run it for nothing');
      if (READS_WHOLE_TEXT.test(sources[0])) assert.equal(rule.meta.readsComments, true, 'searches the whole text: declare readsComments');
      if (sources.some((s) => READS_EVERY_LAYOUT.test(s))) assert.equal(rule.meta.readsUnrelatedDeclarations, true, 'reads every contract\'s layout: declare readsUnrelatedDeclarations');
    });
    it(`${rule.meta.id} declares citesLines exactly when a message names a line`, () => {
      const cites = Object.values(rule.meta.messages).some((m) => /\bline \{\{/.test(m as string));
      assert.equal(rule.meta.citesLines, cites ? true : undefined);
    });
  }
});
