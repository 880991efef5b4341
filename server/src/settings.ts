// Settings pulled per resource through workspace/configuration (the vscode-eslint model), cached per URI and
// cleared on didChangeConfiguration. Values are checked here so the rest of the server sees a complete shape.

import type { AnalysisSettings } from 'sol-audit-rules';
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type RuleSettingValue, type SeverityName, type SolAuditSettings } from 'sol-audit-protocol';

const SEVERITY_NAMES: readonly string[] = ['high', 'medium', 'low', 'informational', 'gas'];
const RULE_VALUES: readonly string[] = ['on', 'off', ...SEVERITY_NAMES];

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<SolAuditSettings>>();
  private readonly excludesByFolder = new Map<string, Promise<string[]>>();

  constructor(
    private readonly connection: Connection,
    private readonly supportsConfiguration: () => boolean,
  ) {}

  get(uri: string): Promise<SolAuditSettings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.supportsConfiguration()
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(normalizeSettings, () => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /**
   * A folder's settings with VS Code's `files.exclude` added to `exclude`: what the workspace scan and the exported
   * report leave out (an open file is analysed all the same).
   */
  async forFolderScan(folderUri: string): Promise<SolAuditSettings> {
    const [settings, filesExclude] = await Promise.all([this.get(folderUri), this.filesExclude(folderUri)]);
    return filesExclude.length === 0 ? settings : { ...settings, exclude: [...filesExclude, ...settings.exclude] };
  }

  /** Globs of VS Code's `files.exclude` that are switched on. */
  private filesExclude(folderUri: string): Promise<string[]> {
    let globs = this.excludesByFolder.get(folderUri);
    if (!globs) {
      globs = this.supportsConfiguration()
        ? this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }).then(
            (value: unknown) => (isRecord(value) ? Object.keys(value).filter((k) => value[k] === true) : []),
            () => [],
          )
        : Promise.resolve([]);
      this.excludesByFolder.set(folderUri, globs);
    }
    return globs;
  }

  /** A closed document's settings: the next open pulls them again. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.excludesByFolder.clear();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills in defaults and drops values of the wrong type, so a typo in settings.json cannot crash analysis. */
export function normalizeSettings(raw: unknown): SolAuditSettings {
  if (!isRecord(raw)) return DEFAULT_SETTINGS;
  const rules: Record<string, RuleSettingValue> = {};
  if (isRecord(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      if (typeof value === 'string' && RULE_VALUES.includes(value)) rules[id] = value as RuleSettingValue;
    }
  }
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    rules,
    minimumSeverity:
      typeof raw.minimumSeverity === 'string' && SEVERITY_NAMES.includes(raw.minimumSeverity) ? (raw.minimumSeverity as SeverityName) : DEFAULT_SETTINGS.minimumSeverity,
    run: raw.run === 'onSave' || raw.run === 'onType' ? raw.run : DEFAULT_SETTINGS.run,
    debounceMs: typeof raw.debounceMs === 'number' && raw.debounceMs >= 0 ? raw.debounceMs : DEFAULT_SETTINGS.debounceMs,
    exclude: Array.isArray(raw.exclude) ? raw.exclude.filter((g): g is string => typeof g === 'string') : DEFAULT_SETTINGS.exclude,
    codeLens: typeof raw.codeLens === 'boolean' ? raw.codeLens : DEFAULT_SETTINGS.codeLens,
    ...(raw.profile === 'recommended' || raw.profile === 'extended' ? { profile: raw.profile } : {}),
  };
}

/**
 * What the engine's analysis session needs of the editor's settings: the rule settings and profile, the minimum
 * severity, and `exclude` relative to the workspace folder. Every server path that analyses goes through this.
 */
export function analysisSettingsOf(settings: SolAuditSettings, workspaceFolder: string | undefined): AnalysisSettings {
  return { rules: settings.rules, profile: settings.profile, minimumSeverity: settings.minimumSeverity, exclude: settings.exclude, excludeBase: workspaceFolder };
}
