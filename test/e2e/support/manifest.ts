// What the extension's manifest (the root package.json) contributes: command titles as the palette shows
// them, and settings keys. The specs look commands up by id so a renamed title does not break them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[];
  };
}

function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** The palette label of a contributed command ("Category: Title"), or undefined when not contributed. */
export function commandTitle(commandId: string): string | undefined {
  const command = manifest().contributes?.commands?.find((entry) => entry.command === commandId);
  if (!command) return undefined;
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

export function contributesSetting(key: string): boolean {
  const configuration = manifest().contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return sections.some((section) => section.properties !== undefined && key in section.properties);
}
