// Bundles the CLI, its scan worker, the language server and the VS Code client with esbuild.
// One script, one set of bundles: the .vsix ships only client/dist and server/dist.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);

// web-tree-sitter's ES module build finds itself through import.meta.url, which a CommonJS bundle leaves empty:
// bundle its CommonJS build, the one Node's require() would load.
const webTreeSitterAsCommonJs = {
  name: 'web-tree-sitter-cjs',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') }));
  },
};

// The CLI needs the AI package only for --ai-triage: it is bundled on its own beside cli.js (cli/dist/ai.js) and
// required from there when asked, so a plain scan neither loads nor parses it.
const aiBesideCli = {
  name: 'sol-audit-ai-beside-cli',
  setup(build) {
    build.onResolve({ filter: /^sol-audit-ai$/ }, () => ({ path: './ai.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [webTreeSitterAsCommonJs],
};

const bundles = [
  { entryPoints: ['cli/src/cli.ts'], outfile: 'cli/dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, aiBesideCli] },
  { entryPoints: ['ai/src/index.ts'], outfile: 'cli/dist/ai.js' },
  { entryPoints: ['cli/src/scanWorker.ts'], outfile: 'cli/dist/scanWorker.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/dist/server.js' },
  { entryPoints: ['server/src/analysisWorker.ts'], outfile: 'server/dist/analysisWorker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
];

await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));

// The bundles that parse load tree-sitter's WebAssembly from their own folder first (loadGrammar.ts): a packaged
// bundle (the .vsix, an installed CLI) has no node_modules to resolve it from.
const wasmFiles = ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-solidity/tree-sitter-solidity.wasm'].map((file) => require.resolve(file));
for (const dir of ['cli/dist', 'server/dist']) {
  for (const file of wasmFiles) fs.copyFileSync(file, path.join(dir, path.basename(file)));
}

// cli/dist is the CLI's package (`npm pack cli/dist`): the bundles carry their dependencies and the grammar lies
// beside them, so its manifest declares none and it installs without the registry. Name, version and bin come from
// cli/package.json, the one place they are written.
const cli = JSON.parse(fs.readFileSync('cli/package.json', 'utf8'));
const cliManifest = {
  name: cli.name,
  version: cli.version,
  description: cli.description,
  license: cli.license,
  private: cli.private,
  bin: Object.fromEntries(Object.entries(cli.bin).map(([command, file]) => [command, path.posix.relative('dist', file)])),
  files: ['*.js', '*.wasm'],
};
fs.writeFileSync('cli/dist/package.json', `${JSON.stringify(cliManifest, null, 2)}\n`);
