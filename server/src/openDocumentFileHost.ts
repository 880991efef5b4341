// The FileHost the analysis sees: open editor buffers first (unsaved edits count), the disk otherwise.

import { NodeFileHost, type FileHost } from 'sol-audit-rules';

export class OpenDocumentFileHost implements FileHost {
  private readonly disk = new NodeFileHost();
  readonly openTexts = new Map<string, string>();

  readFile(absolutePath: string): string | undefined {
    return this.openTexts.get(absolutePath) ?? this.disk.readFile(absolutePath);
  }

  readDirectory(absolutePath: string): string[] {
    return this.disk.readDirectory(absolutePath);
  }

  isDirectory(absolutePath: string): boolean {
    return this.disk.isDirectory(absolutePath);
  }
}
