// Which folders of a project hold code it did not write: dependencies (foundry.toml `libs`, Foundry's default
// `lib/` at the root, `node_modules/` at any depth) and build outputs. Scans leave them out and say so; a folder
// that merely shares a name with them (`src/lib/`) is the project's own code.

import * as path from 'node:path';
import type { FileHost } from './fileHost';
import { foundryStrings, foundryTomlSections } from './foundryToml';

export type LeftOutReason = 'dependency' | 'build-output';

/** A folder a scan did not report, and the `.sol` files in it. */
export interface LeftOutFolder {
  /** Absolute. */
  folder: string;
  reason: LeftOutReason;
  /** Absolute, sorted. */
  files: string[];
}

/** Folders relative to the project root, with forward slashes and no trailing slash. */
export interface ProjectLayout {
  libs: string[];
  buildOutputs: string[];
}

/** Hardhat's output folders: its config is JavaScript, which a scan does not run, so its defaults are assumed. */
const HARDHAT_OUTPUTS = ['artifacts', 'cache', 'typechain-types'];

export function readProjectLayout(root: string, host: FileHost): ProjectLayout {
  const toml = host.readFile(path.join(root, 'foundry.toml'));
  const sections = toml === undefined ? [] : foundryTomlSections(toml);
  // A key set in any profile replaces Foundry's default, as it does in `forge build`.
  const folders = (key: string, fallback: string): string[] => {
    const configured = foundryStrings(sections, key);
    return (configured.length > 0 ? configured : [fallback]).map(normalizeFolder);
  };
  return {
    libs: folders('libs', 'lib'),
    buildOutputs: [...new Set([...folders('out', 'out'), ...folders('cache_path', 'cache'), ...HARDHAT_OUTPUTS])],
  };
}

/** Why the folder at `relativeFolder` is left out of a scan, or undefined when its files are the project's own. */
export function leftOutReasonOfFolder(relativeFolder: string, layout: ProjectLayout, includeDependencies: boolean): LeftOutReason | undefined {
  if (!includeDependencies && (path.posix.basename(relativeFolder) === 'node_modules' || layout.libs.includes(relativeFolder))) return 'dependency';
  if (layout.buildOutputs.includes(relativeFolder)) return 'build-output';
  return undefined;
}

/** The outermost left-out folder (relative, with its reason) holding the file at `relativePath`, if any. */
export function leftOutFolderOf(
  relativePath: string,
  layout: ProjectLayout,
  includeDependencies: boolean,
): { folder: string; reason: LeftOutReason } | undefined {
  const segments = relativePath.split('/').slice(0, -1);
  for (let i = 1; i <= segments.length; i++) {
    const folder = segments.slice(0, i).join('/');
    const reason = leftOutReasonOfFolder(folder, layout, includeDependencies);
    if (reason) return { folder, reason };
  }
  return undefined;
}

function normalizeFolder(folder: string): string {
  return path.posix.normalize(folder.replace(/\\/g, '/')).replace(/\/+$/, '');
}
