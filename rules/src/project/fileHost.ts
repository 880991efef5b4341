// The engine's only window on the file system. The CLI passes a Node implementation, the server one that
// prefers open editor buffers, and tests an in-memory map; the engine itself never touches the disk.

export interface FileHost {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readFile(absolutePath: string): string | undefined;
  /** Names of the entries of a folder; empty when it does not exist. */
  readDirectory(absolutePath: string): string[];
  isDirectory(absolutePath: string): boolean;
}

export class InMemoryFileHost implements FileHost {
  constructor(private readonly files: Map<string, string>) {}

  readFile(absolutePath: string): string | undefined {
    return this.files.get(absolutePath);
  }

  readDirectory(absolutePath: string): string[] {
    const prefix = absolutePath.endsWith('/') ? absolutePath : `${absolutePath}/`;
    const names = new Set<string>();
    for (const path of this.files.keys()) {
      if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]);
    }
    return [...names];
  }

  isDirectory(absolutePath: string): boolean {
    return this.readDirectory(absolutePath).length > 0;
  }
}
