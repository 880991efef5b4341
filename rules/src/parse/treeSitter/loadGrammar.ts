// Loads the Solidity grammar into web-tree-sitter once per process. WebAssembly loading is asynchronous, so the
// entry points (CLI, scan worker, language server worker, tests) await `loadTreeSitter()` before the first parse;
// parsing itself is synchronous, as the engine expects.

import { Language, Parser } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Resolves once the grammar is loaded; later calls share the first load. */
export function loadTreeSitter(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-solidity/tree-sitter-solidity.wasm'));
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
  })();
  return loading;
}

/** The loaded parser; a programming error (not a user error) when `loadTreeSitter()` was not awaited first. */
export function treeSitterParser(): Parser {
  if (parser === undefined) throw new Error('tree-sitter is not loaded: await loadTreeSitter() before parsing');
  return parser;
}
