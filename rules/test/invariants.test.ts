// Architecture invariants of the engine, checked on its import graph: rules/src never imports an editor,
// LSP or LLM package, and only the CLI touches the file system.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT } from './support/fixtureProject';

const SRC = path.join(REPO_ROOT, 'rules/src');

function sourceFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Module specifiers of static imports, re-exports, `import()` and `require()`, as TypeScript itself reads them. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((ref) => ref.fileName);
}

function violations(files: string[], forbidden: (specifier: string) => boolean): string[] {
  return files.flatMap((file) => importsOf(file).filter(forbidden).map((specifier) => `${path.relative(REPO_ROOT, file)} imports ${specifier}`));
}

const EDITOR_OR_LLM = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|openai)(\/.*)?$/;
const FILE_SYSTEM = /^(node:)?fs(\/promises)?$/;

describe('architecture invariants', () => {
  const all = sourceFilesUnder(SRC);

  it('finds the engine sources', () => {
    assert.ok(all.length > 10, `only ${all.length} files under rules/src`);
    assert.ok(importsOf(path.join(SRC, 'cli/nodeFileHost.ts')).includes('node:fs'), 'the import scan sees node:fs in the CLI');
  });

  it('rules/src never imports vscode, vscode-languageserver*, vscode-languageclient or openai', () => {
    assert.deepEqual(violations(all, (s) => EDITOR_OR_LLM.test(s)), []);
  });

  it('only rules/src/cli imports fs', () => {
    const outsideCli = all.filter((file) => !file.startsWith(path.join(SRC, 'cli') + path.sep));
    assert.deepEqual(violations(outsideCli, (s) => FILE_SYSTEM.test(s)), []);
  });

  it('rules/src/rules and rules/src/analysis never import fs', () => {
    const pure = [...sourceFilesUnder(path.join(SRC, 'rules')), ...sourceFilesUnder(path.join(SRC, 'analysis'))];
    assert.deepEqual(violations(pure, (s) => FILE_SYSTEM.test(s)), []);
  });
});
