// The FileHost backed by the real file system; the one place (with the CLI) where the engine's I/O happens.

import * as fs from 'node:fs';
import type { FileHost } from '../project/fileHost';

export class NodeFileHost implements FileHost {
  readFile(absolutePath: string): string | undefined {
    try {
      return fs.readFileSync(absolutePath, 'utf8');
    } catch {
      return undefined;
    }
  }

  readDirectory(absolutePath: string): string[] {
    try {
      return fs.readdirSync(absolutePath);
    } catch {
      return [];
    }
  }

  isDirectory(absolutePath: string): boolean {
    try {
      return fs.statSync(absolutePath).isDirectory();
    } catch {
      return false;
    }
  }
}
