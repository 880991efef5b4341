// What the installed extension's manifest contributes: command titles as the palette shows them, and
// settings keys. The specs look commands up by id in the installed copy, so they drive exactly what the
// .vsix under test declares, whatever the working tree's package.json says by now.

import * as fs from 'node:fs';
import * as path from 'node:path';

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[];
  };
}

export class InstalledManifest {
  private constructor(private readonly manifest: Manifest) {}

  /** The manifest of the one extension installed into a code-server extensions folder. */
  static read(extensionsDir: string): InstalledManifest {
    const installed = fs
      .readdirSync(extensionsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(extensionsDir, entry.name, 'package.json')));
    if (installed.length !== 1) throw new Error(`expected one extension in ${extensionsDir}, found ${installed.length}`);
    const file = path.join(extensionsDir, installed[0].name, 'package.json');
    return new InstalledManifest(JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest);
  }

  /** The palette label of a contributed command ("Category: Title"), or undefined when not contributed. */
  commandTitle(commandId: string): string | undefined {
    const command = this.manifest.contributes?.commands?.find((entry) => entry.command === commandId);
    if (!command) return undefined;
    return command.category ? `${command.category}: ${command.title}` : command.title;
  }

  contributesSetting(key: string): boolean {
    const configuration = this.manifest.contributes?.configuration;
    const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
    return sections.some((section) => section.properties !== undefined && key in section.properties);
  }
}
