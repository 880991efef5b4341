// Loads the Solidity grammar into web-tree-sitter once per process. WebAssembly loading is asynchronous, so the
// entry points (CLI, scan worker, language server worker, scripts, the tests' root hook) await `loadTreeSitter()`
// before the first parse; parsing itself is synchronous, as the engine expects.

import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Thrown by a parse before `loadTreeSitter()` resolved: a missing await in an entry point, never a user error. */
export class TreeSitterNotLoadedError extends Error {
  override readonly name = 'TreeSitterNotLoadedError';

  constructor() {
    super('tree-sitter is not loaded: await loadTreeSitter() before parsing');
  }
}

/** Resolves once the grammar is loaded; later calls share the first load. */
export function loadTreeSitter(): Promise<void> {
  loading ??= (async () => {
    await Parser.init({ locateFile: (fileName: string) => wasmFile(fileName, `web-tree-sitter/${fileName}`) });
    const language = await Language.load(wasmFile('tree-sitter-solidity.wasm', 'tree-sitter-solidity/tree-sitter-solidity.wasm'));
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
  })();
  return loading;
}

/**
 * A .wasm file beside the running bundle (scripts/build.mjs copies both into cli/dist and server/dist, since a
 * bundle has no node_modules to resolve from once packaged), else the one of its npm package.
 */
function wasmFile(fileName: string, packagePath: string): string {
  try {
    return require.resolve(path.join(__dirname, fileName));
  } catch {
    return require.resolve(packagePath);
  }
}

/** The loaded parser. */
export function treeSitterParser(): Parser {
  if (parser === undefined) throw new TreeSitterNotLoadedError();
  return parser;
}
