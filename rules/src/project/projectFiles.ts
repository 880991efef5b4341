// Finds the project root of a path and the Solidity files below a folder, through the FileHost.

import * as path from 'node:path';
import type { FileHost } from './fileHost';

const ROOT_MARKERS = ['foundry.toml', 'hardhat.config.js', 'hardhat.config.ts', 'hardhat.config.cjs', 'hardhat.config.mjs', 'remappings.txt', '.sol-audit.json', 'truffle-config.js'];

/** The nearest folder at or above `start` that holds a project marker; `start`'s folder when none does. */
export function findProjectRoot(start: string, host: FileHost): string {
  const absolute = path.resolve(start);
  const first = host.isDirectory(absolute) ? absolute : path.dirname(absolute);
  let dir = first;
  for (;;) {
    if (ROOT_MARKERS.some((m) => host.readFile(path.join(dir, m)) !== undefined)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return first;
    dir = parent;
  }
}

/** Folders never descended into when collecting files to scan (dependencies are reached through imports). */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'lib', 'out', 'cache', 'artifacts', 'typechain-types', '.sol-audit-cache']);

/** Every `.sol` file below `target` (or `target` itself), sorted. */
export function collectSolidityFiles(target: string, host: FileHost, includeDependencyDirs = false): string[] {
  const absolute = path.resolve(target);
  if (!host.isDirectory(absolute)) return [absolute];
  const out: string[] = [];
  const pending = [absolute];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const name of host.readDirectory(dir)) {
      const full = path.join(dir, name);
      if (host.isDirectory(full)) {
        if (!includeDependencyDirs && SKIPPED_DIRS.has(name)) continue;
        pending.push(full);
      } else if (name.endsWith('.sol')) {
        out.push(full);
      }
    }
  }
  return out.sort();
}
