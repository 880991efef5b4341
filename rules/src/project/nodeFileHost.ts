// The FileHost backed by the real file system: the engine package's one module that touches the disk, so the
// CLI, the language server's workspace index and the AI package's CLI triage share one disk host.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHost } from './fileHost';

interface Listing {
  dir: string;
  folders: Set<string>;
  files: Set<string>;
}

export class NodeFileHost implements FileHost {
  /**
   * Entry types of the folder listed last, kept until the current synchronous task ends. A folder walk asks
   * isDirectory of every entry it has just listed, and a stat per entry costs several times the listing (counting
   * the `.sol` files in node_modules is a walk of tens of thousands of entries).
   */
  private listing: Listing | undefined;

  readFile(absolutePath: string): string | undefined {
    try {
      return fs.readFileSync(absolutePath, 'utf8');
    } catch {
      return undefined;
    }
  }

  readDirectory(absolutePath: string): string[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolutePath, { withFileTypes: true });
    } catch {
      return [];
    }
    // Forget the types once this task ends: later calls must see the disk as it is then.
    if (this.listing === undefined) queueMicrotask(() => (this.listing = undefined));
    this.listing = {
      dir: path.resolve(absolutePath),
      folders: new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name)),
      files: new Set(entries.filter((e) => e.isFile()).map((e) => e.name)),
    };
    return entries.map((e) => e.name);
  }

  isDirectory(absolutePath: string): boolean {
    const listing = this.listing;
    if (listing && path.dirname(absolutePath) === listing.dir) {
      const name = path.basename(absolutePath);
      if (listing.folders.has(name)) return true;
      // A symbolic link is neither: stat follows it below.
      if (listing.files.has(name)) return false;
    }
    try {
      return fs.statSync(absolutePath).isDirectory();
    } catch {
      return false;
    }
  }
}
