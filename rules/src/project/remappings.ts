// Import resolution the way Foundry and Hardhat do it: relative paths, remappings (remappings.txt and
// foundry.toml), Foundry's lib/ auto-detection, then node_modules up the folder tree.

import * as path from 'node:path';
import type { FileHost } from './fileHost';
import { foundryStrings, foundryTomlSections } from './foundryToml';

export interface Remapping {
  context: string;
  prefix: string;
  target: string;
}

/** Parses `[context:]prefix=target` lines; targets are made absolute against `root`. */
export function parseRemappingLines(lines: string[], root: string): Remapping[] {
  const out: Remapping[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let left = line.slice(0, eq);
    const target = line.slice(eq + 1).trim();
    let context = '';
    const colon = left.indexOf(':');
    if (colon >= 0) {
      context = left.slice(0, colon);
      left = left.slice(colon + 1);
    }
    out.push({ context, prefix: left.trim(), target: path.resolve(root, target) });
  }
  return out;
}

/** Remappings declared in `remappings.txt` and `foundry.toml`, plus Foundry's automatic ones for `lib/*`. */
export function discoverRemappings(root: string, host: FileHost): Remapping[] {
  const declared: Remapping[] = [];
  const txt = host.readFile(path.join(root, 'remappings.txt'));
  if (txt !== undefined) declared.push(...parseRemappingLines(txt.split(/\r?\n/), root));
  const toml = host.readFile(path.join(root, 'foundry.toml'));
  if (toml !== undefined) declared.push(...parseRemappingLines(foundryTomlRemappings(toml), root));
  return [...declared, ...libAutoRemappings(root, host, declared)];
}

function foundryTomlRemappings(toml: string): string[] {
  return foundryStrings(foundryTomlSections(toml), 'remappings');
}

function libAutoRemappings(root: string, host: FileHost, declared: Remapping[]): Remapping[] {
  const lib = path.join(root, 'lib');
  const out: Remapping[] = [];
  for (const name of host.readDirectory(lib).sort()) {
    const prefix = `${name}/`;
    if (declared.some((r) => r.prefix === prefix)) continue;
    const dir = path.join(lib, name);
    if (!host.isDirectory(dir)) continue;
    const src = path.join(dir, 'src');
    out.push({ context: '', prefix, target: host.isDirectory(src) ? src : dir });
  }
  return out;
}

export class ImportResolver {
  constructor(
    private readonly root: string,
    private readonly remappings: Remapping[],
    private readonly host: FileHost,
  ) {}

  /** Absolute path of the file an import names, or undefined when no candidate exists. */
  resolve(importPath: string, fromFile: string): string | undefined {
    for (const candidate of this.candidates(importPath, fromFile)) {
      if (this.host.readFile(candidate) !== undefined) return candidate;
    }
    return undefined;
  }

  private *candidates(importPath: string, fromFile: string): Generator<string> {
    if (importPath.startsWith('./') || importPath.startsWith('../')) {
      yield path.resolve(path.dirname(fromFile), importPath);
      return;
    }
    const remapped = this.applyRemapping(importPath, fromFile);
    if (remapped) yield remapped;
    yield path.resolve(this.root, importPath);
    yield path.resolve(this.root, 'lib', importPath);
    // Hardhat and npm packages: walk up from the importing file to the file-system root.
    let dir = path.dirname(fromFile);
    for (;;) {
      yield path.join(dir, 'node_modules', importPath);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }

  private applyRemapping(importPath: string, fromFile: string): string | undefined {
    let best: Remapping | undefined;
    for (const r of this.remappings) {
      if (!importPath.startsWith(r.prefix)) continue;
      if (r.context && !path.relative(this.root, fromFile).startsWith(r.context)) continue;
      // Solidity picks the longest context, then the longest prefix.
      if (!best || r.context.length > best.context.length || (r.context.length === best.context.length && r.prefix.length > best.prefix.length)) best = r;
    }
    if (!best) return undefined;
    const rest = importPath.slice(best.prefix.length);
    return path.join(best.target, rest);
  }
}
