// Finds the project root of a path and the Solidity files below a folder, through the FileHost; dependency
// folders and build outputs are left out by name and counted, never skipped silently.

import * as path from 'node:path';
import type { FileHost } from './fileHost';
import { leftOutReasonOfFolder, readProjectLayout, type LeftOutFolder, type ProjectLayout } from './projectLayout';

const ROOT_MARKERS = ['foundry.toml', 'hardhat.config.js', 'hardhat.config.ts', 'hardhat.config.cjs', 'hardhat.config.mjs', 'remappings.txt', '.sol-audit.json', 'truffle-config.js'];

/** The nearest folder at or above `start` that holds a project marker; `start`'s folder when none does. */
export function findProjectRoot(start: string, host: FileHost): string {
  const absolute = path.resolve(start);
  const first = host.isDirectory(absolute) ? absolute : path.dirname(absolute);
  let dir = first;
  for (;;) {
    if (isProjectRoot(dir, host)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return first;
    dir = parent;
  }
}

function isProjectRoot(dir: string, host: FileHost): boolean {
  return ROOT_MARKERS.some((m) => host.readFile(path.join(dir, m)) !== undefined);
}

/** Folders that hold no source: version control and this tool's own cache. */
const NOT_SOURCE = new Set(['.git', '.sol-audit-cache']);

export interface SolidityFiles {
  /** The `.sol` files to analyse, absolute and sorted. */
  files: string[];
  /** Dependency folders and build outputs found below the target, each with its `.sol` files; empty ones are not listed. */
  leftOut: LeftOutFolder[];
}

interface PendingFolder {
  dir: string;
  /** The project the folder belongs to, whose layout names its dependency folders. */
  root: string;
  layout: ProjectLayout;
  /** Set inside a left-out folder: its files are counted there instead of listed. */
  leftOut?: LeftOutFolder;
}

/**
 * Every `.sol` file below `target` (or `target` itself) except those in dependency folders and build outputs,
 * which are listed in `leftOut` instead. `target` itself is always walked: a folder the user names is scanned.
 */
export function listSolidityFiles(target: string, host: FileHost, options: { includeDependencies?: boolean } = {}): SolidityFiles {
  const absolute = path.resolve(target);
  if (!host.isDirectory(absolute)) return { files: [absolute], leftOut: [] };
  const includeDependencies = options.includeDependencies === true;
  const files: string[] = [];
  const leftOut: LeftOutFolder[] = [];
  const startRoot = findProjectRoot(absolute, host);
  const pending: PendingFolder[] = [{ dir: absolute, root: startRoot, layout: readProjectLayout(startRoot, host) }];
  while (pending.length > 0) {
    const folder = pending.pop() as PendingFolder;
    let { root, layout } = folder;
    const names = host.readDirectory(folder.dir);
    // A nested project (a package of a monorepo) keeps its own lib/ and out/.
    if (!folder.leftOut && folder.dir !== root && names.some((name) => ROOT_MARKERS.includes(name))) {
      root = folder.dir;
      layout = readProjectLayout(root, host);
    }
    for (const name of names) {
      const full = path.join(folder.dir, name);
      if (host.isDirectory(full)) {
        if (NOT_SOURCE.has(name)) continue;
        let inside = folder.leftOut;
        const reason = inside ? undefined : leftOutReasonOfFolder(path.relative(root, full).split(path.sep).join('/'), layout, includeDependencies);
        if (reason) {
          inside = { folder: full, reason, files: [] };
          leftOut.push(inside);
        }
        pending.push({ dir: full, root, layout, leftOut: inside });
      } else if (name.endsWith('.sol')) {
        (folder.leftOut?.files ?? files).push(full);
      }
    }
  }
  for (const f of leftOut) f.files.sort();
  return { files: files.sort(), leftOut: leftOut.filter((f) => f.files.length > 0).sort((a, b) => a.folder.localeCompare(b.folder)) };
}

/** The files of `listSolidityFiles`, for callers that do not report what was left out. */
export function collectSolidityFiles(target: string, host: FileHost, includeDependencies = false): string[] {
  return listSolidityFiles(target, host, { includeDependencies }).files;
}
