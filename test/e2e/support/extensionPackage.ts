// Builds the .vsix the way a release does (`npm run package`), so the tests install exactly what users get.
// E2E_VSIX=<file> skips the build and installs that file instead.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { BUILD_DIR, REPO_ROOT } from './paths';

export function buildVsix(): string {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const startedMs = Date.now();
  if (manifest.scripts?.package) {
    execFileSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
    return newestVsixSince(startedMs);
  }
  // Before the repository has a `package` script: the same bundles, packed by vsce directly.
  const output = path.join(BUILD_DIR, 'solidity-audit-hints.vsix');
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  execFileSync(
    'npx',
    ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', output],
    { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return output;
}

function newestVsixSince(startedMs: number): string {
  const candidates = fg
    .sync(['*.vsix', 'build/**/*.vsix', 'dist/**/*.vsix'], { cwd: REPO_ROOT, absolute: true })
    .map((file) => ({ file, mtimeMs: fs.statSync(file).mtimeMs }))
    .filter((candidate) => candidate.mtimeMs >= startedMs - 1000)
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  if (candidates.length === 0) throw new Error('`npm run package` wrote no .vsix under the repository root or build/');
  return candidates[0].file;
}
