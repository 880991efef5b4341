// Runs the extension tests inside VS Code with @vscode/test-electron. VS Code cannot be downloaded on CI
// machines without network, so this uses VSCODE_EXECUTABLE_PATH or an install already cached in
// .vscode-test/, and otherwise prints why it skips and exits 0. The protocol tests carry the behaviour there.
// Usage: npx tsx client/test/runTest.ts   (after npm run build)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

const REPO = path.resolve(__dirname, '../..');
const EXECUTABLE_NAMES = new Set(['code', 'code-insiders', 'Code.exe', 'Electron']);

/** The VS Code binary of a cached .vscode-test download, if any. */
function cachedVsCode(): string | undefined {
  const cache = path.join(REPO, '.vscode-test');
  if (!fs.existsSync(cache)) return undefined;
  const pending = [cache];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // Skip the user-data and extensions folders: they hold no VS Code binary.
      if (entry.isDirectory() && !['user-data', 'extensions'].includes(entry.name)) pending.push(full);
      else if (entry.isFile() && EXECUTABLE_NAMES.has(entry.name)) return full;
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  const executable = process.env.VSCODE_EXECUTABLE_PATH ?? cachedVsCode();
  if (!executable) {
    console.log('Skipping the VS Code extension tests: no VS Code found (set VSCODE_EXECUTABLE_PATH, or cache one in .vscode-test/). Nothing is downloaded here.');
    return;
  }
  if (!fs.existsSync(path.join(REPO, 'client/dist/extension.js'))) throw new Error('client/dist/extension.js is missing: run npm run build first');
  // The extension host loads plain JavaScript: bundle the suite (mocha included, vscode provided by the host).
  const suite = path.join(REPO, 'client/test/dist/suite.js');
  await esbuild.build({ entryPoints: [path.join(__dirname, 'suite/index.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: suite,
    launchArgs: [path.join(__dirname, 'fixtures/workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
