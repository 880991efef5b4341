// Architecture invariants, checked on the import graph: rules/src never imports an editor, LSP or LLM package,
// nor more than the AST types of @solidity-parser/parser, and only its disk host touches the file system; across the
// repository, every package declares what it imports, the layers import only downwards (client → protocol;
// server → protocol, ai, rules; cli → ai, rules; ai → protocol, rules; the engine → nothing of ours), and the LSP
// main thread reaches no analysis.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT } from './support/fixtureProject';

const SRC = path.join(REPO_ROOT, 'rules/src');
/** The FileHost over the real disk: the engine's one module allowed to import fs. */
const DISK_HOST = path.join(SRC, 'project/nodeFileHost.ts');

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
    assert.ok(importsOf(DISK_HOST).includes('node:fs'), 'the import scan sees node:fs in the disk host');
  });

  it('rules/src never imports vscode, vscode-languageserver*, vscode-languageclient or openai', () => {
    assert.deepEqual(violations(all, (s) => EDITOR_OR_LLM.test(s)), []);
  });

  it('only rules/src/project/nodeFileHost.ts imports fs', () => {
    const rest = all.filter((file) => file !== DISK_HOST);
    assert.deepEqual(violations(rest, (s) => FILE_SYSTEM.test(s)), []);
  });

  it('rules/src reads only the types of @solidity-parser/parser: the tree-sitter front end parses, ANTLR is the test oracle', () => {
    assert.deepEqual(violations(all, (s) => s.startsWith('@solidity-parser/parser') && s !== '@solidity-parser/parser/dist/src/ast-types'), []);
  });

  it('rules/src/rules and rules/src/analysis never import fs', () => {
    const pure = [...sourceFilesUnder(path.join(SRC, 'rules')), ...sourceFilesUnder(path.join(SRC, 'analysis'))];
    assert.deepEqual(violations(pure, (s) => FILE_SYSTEM.test(s)), []);
  });
});

interface Package {
  name: string;
  dir: string;
  declared: Set<string>;
  /** Subpaths other packages may import besides the root (`exports`). */
  exported: Set<string>;
}

function readPackage(dir: string): Package {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const declared = new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {}), ...Object.keys(json.peerDependencies ?? {})]);
  const exported = new Set(Object.keys(json.exports ?? {}).filter((key) => key !== '.').map((key) => key.replace(/^\.\//, '')));
  return { name: json.name, dir, declared, exported };
}

/** The package a bare specifier names: `a/b/c` → `a`, `@s/a/b` → `@s/a`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || BUILTINS.has(packageNameOf(specifier));
const isRelative = (specifier: string): boolean => specifier.startsWith('.');

/** Imports that bring values in (not `import type`, not `{ type A }` only), which is what runs on a thread. */
function valueImportsOf(file: string): { specifier: string; names: string[] }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: { specifier: string; names: string[] }[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (clause?.isTypeOnly) continue;
    const bindings = clause?.namedBindings;
    const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : [];
    const whole = !clause || clause.name !== undefined || (bindings !== undefined && ts.isNamespaceImport(bindings));
    if (whole || named.length > 0) out.push({ specifier: statement.moduleSpecifier.text, names: whole ? ['*'] : named });
  }
  return out;
}

describe('package boundaries (the whole repository)', () => {
  const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
  const packages = root.workspaces.map((w) => readPackage(path.join(REPO_ROOT, w)));
  const byName = new Map(packages.map((p) => [p.name, p]));
  const sourcesOf = (p: Package): string[] => sourceFilesUnder(path.join(p.dir, 'src'));
  const packageNamed = (dir: string): Package => packages.find((p) => p.dir === path.join(REPO_ROOT, dir)) as Package;

  /** `<file> imports <specifier>` for every import of the package's sources that `bad` rejects. */
  function breaks(p: Package, bad: (specifier: string, file: string) => boolean): string[] {
    return sourcesOf(p).flatMap((file) => importsOf(file).filter((s) => bad(s, file)).map((s) => `${path.relative(REPO_ROOT, file)} imports ${s}`));
  }

  it('finds every workspace package with its sources', () => {
    assert.deepEqual(packages.map((p) => path.relative(REPO_ROOT, p.dir)).sort(), ['ai', 'cli', 'client', 'protocol', 'rules', 'server']);
    for (const p of packages) assert.ok(sourcesOf(p).length > 0, `${p.name} has no sources`);
  });

  it('every bare import is declared in the importing package (x, or @types/x for a types-only one)', () => {
    for (const p of packages) {
      const undeclared = breaks(p, (s) => !isRelative(s) && !isBuiltin(s) && !p.declared.has(packageNameOf(s)) && !p.declared.has(`@types/${packageNameOf(s)}`));
      assert.deepEqual(undeclared, [], `${p.name} imports packages its package.json does not declare`);
    }
  });

  it('no relative import leaves its package, and another package is imported by its name or an exported subpath', () => {
    for (const p of packages) {
      const leaving = breaks(p, (s, file) => isRelative(s) && path.relative(p.dir, path.resolve(path.dirname(file), s)).startsWith('..'));
      assert.deepEqual(leaving, [], `${p.name} reaches into another folder`);
      const deep = breaks(p, (s) => {
        const target = byName.get(packageNameOf(s));
        return target !== undefined && s !== target.name && !target.exported.has(s.slice(target.name.length + 1));
      });
      assert.deepEqual(deep, [], `${p.name} imports another package past its entry points`);
    }
  });

  it('layers import only downwards: client → protocol; server → protocol, ai, rules; cli → ai, rules; ai → protocol, rules; the engine → none of ours', () => {
    const allowed: Record<string, string[]> = {
      client: ['sol-audit-protocol'],
      server: ['sol-audit-protocol', 'sol-audit-ai', 'sol-audit-rules'],
      cli: ['sol-audit-ai', 'sol-audit-rules'],
      ai: ['sol-audit-protocol', 'sol-audit-rules'],
      protocol: [],
      rules: [],
    };
    for (const [dir, may] of Object.entries(allowed)) {
      const p = packageNamed(dir);
      const upwards = breaks(p, (s) => byName.has(packageNameOf(s)) && !may.includes(packageNameOf(s)));
      assert.deepEqual(upwards, [], `${p.name} may import only ${may.join(', ') || 'none of our packages'}`);
      // A declared dependency is a cycle in npm's graph even before a file imports it.
      const declaredUpwards = [...p.declared].filter((name) => byName.has(name) && !may.includes(name));
      assert.deepEqual(declaredUpwards, [], `${p.name} may depend only on ${may.join(', ') || 'none of our packages'}`);
    }
  });

  it('the client imports only vscode, its language client, node and the protocol', () => {
    const client = packageNamed('client');
    assert.deepEqual(breaks(client, (s) => !isRelative(s) && !isBuiltin(s) && !/^(vscode|vscode-languageclient(\/.*)?|sol-audit-protocol(\/.*)?)$/.test(s)), []);
  });

  it('the LSP main thread (server.ts and what it imports) reaches no analysis: that runs in the worker', () => {
    const serverSrc = path.join(packageNamed('server').dir, 'src');
    const ANALYSIS_MODULES = ['projectAnalyzer.ts', 'ai/aiWorkerHandlers.ts'].map((f) => path.join(serverSrc, f));
    const ANALYSIS: Record<string, Set<string>> = {
      'sol-audit-rules': new Set(['*', 'AnalysisSession', 'ProjectModel', 'analyzeFile', 'scanFiles', 'selectRules']),
      'sol-audit-ai': new Set(['*', 'AiService', 'analysedFileOf', 'triageFindings']),
    };
    const seen = new Set<string>();
    const reached: string[] = [];
    const queue = [path.join(serverSrc, 'server.ts')];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      for (const { specifier, names } of valueImportsOf(file)) {
        if (isRelative(specifier)) queue.push(path.resolve(path.dirname(file), specifier) + '.ts');
        else if (ANALYSIS[specifier]) reached.push(...names.filter((n) => ANALYSIS[specifier].has(n)).map((n) => `${path.relative(REPO_ROOT, file)} imports ${n} from ${specifier}`));
      }
    }
    assert.ok(seen.size > 10, `only ${seen.size} modules reached from server.ts`);
    reached.push(...ANALYSIS_MODULES.filter((m) => seen.has(m)).map((m) => `server.ts reaches ${path.relative(REPO_ROOT, m)}`));
    assert.deepEqual(reached, []);
  });
});
