// Bundles the CLI, its scan worker, the language server and the VS Code client with esbuild.
// One script, one set of bundles: the .vsix ships only client/dist and server/dist.

import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const bundles = [
  { entryPoints: ['rules/src/cli/cli.ts'], outfile: 'rules/dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['rules/src/cli/scanWorker.ts'], outfile: 'rules/dist/scanWorker.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/dist/server.js' },
  { entryPoints: ['server/src/analysisWorker.ts'], outfile: 'server/dist/analysisWorker.js' },
  { entryPoints: ['server/src/ai/cliTriage.ts'], outfile: 'server/dist/aiTriage.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
];

await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
