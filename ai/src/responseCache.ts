// The on-disk response cache: one JSON file per answer, keyed by a hash of endpoint, model, prompt version
// and messages, with a size cap that evicts the least recently used entries. A hit answers with no request.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEFAULT_CACHE_BYTES = 20 * 1024 * 1024;

export interface CacheKeyParts {
  baseUrl: string;
  model: string;
  promptVersion: string;
  schemaVersion?: string;
  messages: unknown;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(JSON.stringify([parts.baseUrl, parts.model, parts.promptVersion, parts.schemaVersion ?? '', parts.messages])).digest('hex');
}

export class ResponseCache {
  constructor(
    readonly folder: string,
    private readonly maxBytes: number = DEFAULT_CACHE_BYTES,
  ) {}

  get<T>(key: string): T | undefined {
    const file = this.fileOf(key);
    try {
      const value = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
      // Touch the entry so eviction keeps what is used.
      const now = new Date();
      fs.utimesSync(file, now, now);
      return value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      fs.writeFileSync(this.fileOf(key), JSON.stringify(value));
      this.evict();
    } catch {
      // A cache that cannot write only costs a repeated request; the answer itself is unaffected.
    }
  }

  clear(): number {
    let removed = 0;
    for (const entry of this.entries()) {
      fs.rmSync(entry.file, { force: true });
      removed++;
    }
    return removed;
  }

  sizeBytes(): number {
    return this.entries().reduce((sum, e) => sum + e.size, 0);
  }

  private evict(): void {
    const entries = this.entries().sort((a, b) => a.mtimeMs - b.mtimeMs);
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    for (const entry of entries) {
      if (total <= this.maxBytes) break;
      fs.rmSync(entry.file, { force: true });
      total -= entry.size;
    }
  }

  private entries(): { file: string; size: number; mtimeMs: number }[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => {
        const file = path.join(this.folder, n);
        const stat = fs.statSync(file);
        return { file, size: stat.size, mtimeMs: stat.mtimeMs };
      });
  }

  private fileOf(key: string): string {
    return path.join(this.folder, `${key}.json`);
  }
}
