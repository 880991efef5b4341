// Reads foundry.toml for the settings the engine uses (remappings, libs, out, cache_path). Foundry lets every
// profile set them, and a scan does not know which profile a build uses, so callers take the union.

import { parse as parseToml } from 'smol-toml';

/** The top-level table and every `[profile.*]` table; empty when the text is not valid TOML. */
export function foundryTomlSections(toml: string): Record<string, unknown>[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(toml) as Record<string, unknown>;
  } catch {
    // A broken foundry.toml must not stop analysis; callers fall back to Foundry's defaults.
    return [];
  }
  const profiles = isTable(doc.profile) ? Object.values(doc.profile).filter(isTable) : [];
  return [doc, ...profiles];
}

/** Every string a key holds across the sections, whether it is written as a string or a list of strings. */
export function foundryStrings(sections: Record<string, unknown>[], key: string): string[] {
  return sections.flatMap((section) => {
    const value = section[key];
    if (typeof value === 'string') return [value];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  });
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
