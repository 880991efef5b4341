// The "Scanning 12/248 files…" line on stderr, redrawn in place; only for an interactive terminal.

export interface ProgressLine {
  update(done: number, total: number): void;
  clear(): void;
}

export function createProgressLine(stream: NodeJS.WriteStream, enabled: boolean): ProgressLine {
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      stream.write(`\r\x1b[KScanning ${done}/${total} files…`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
