// One analysis session over a FileHost (rust-analyzer's AnalysisHost): it owns the parses, the project root
// and `.sol-audit.json` of each project, rule selection with profiles, and the report policy. The CLI, the
// editor's worker, the AI layer and the exported report are thin callers, so they cannot disagree on what is shown.

import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG, parseConfig, type AuditConfig, type Profile, type RuleSetting } from '../config/config';
import type { Finding } from '../model/finding';
import type { MeasuredPrecision } from '../precision/measuredPrecision';
import type { FileHost } from '../project/fileHost';
import { findProjectRoot } from '../project/projectFiles';
import { ProjectModel } from '../project/projectModel';
import { createSourceFile, ParseCache, type SourceFile } from '../project/sourceFile';
import { ALL_RULES } from '../rules/index';
import { analyzeFile } from './analyze';
import type { FindingReuse } from './findingReuse';
import { RuleRegistry } from './registry';
import { ReportPolicy, type ReportedFiles, type ReportSettings } from './reportPolicy';
import { knownRuleIds, selectRules, type RuleSelection } from './ruleSelection';
import { scanFiles, type ScanResult } from './scan';

/** What the caller decides on top of the project's config: the editor's settings, the CLI's flags. */
export interface AnalysisSettings extends ReportSettings {
  /** Per-rule settings applied after the config file's. */
  rules?: Record<string, RuleSetting>;
  /** Replaces the config file's profile. */
  profile?: Profile;
  /** When set, only these rules run (the CLI's --rules). */
  onlyRules?: string[];
  /** These rules do not run (the CLI's --exclude-rules). */
  disabledRules?: string[];
  /** Report dependency folders too, whatever the config says (the CLI's --include-deps). */
  reportDependencies?: boolean;
}

export interface LoadedConfig {
  config: AuditConfig;
  /** The config file read (it may not exist). */
  path: string;
  /** Why the config file could not be used; the defaults apply meanwhile. */
  error?: string;
}

/** One project under one set of settings: its config, the rules that run, and what is shown. */
export interface ProjectView {
  root: string;
  config: LoadedConfig;
  selection: RuleSelection;
  policy: ReportPolicy;
}

export interface DocumentAnalysis {
  path: string;
  project: ProjectModel;
  file: SourceFile;
  view: ProjectView;
  /** The findings shown: suppressions, the profile, severity overrides and the report policy applied. */
  findings: Finding[];
}

export interface AnalyseOptions {
  /** Carries findings over from the previous analysis of a document where its edit allows (the editor). */
  reuse?: FindingReuse;
  /** Accumulates milliseconds per rule id. */
  timings?: Map<string, number>;
}

/** A scan of the reported files of one project, with what is shown of their findings. */
export interface ProjectReport extends ScanResult {
  root: string;
  view: ProjectView;
  /** Dependency folders and build outputs below the targets whose files are not reported. */
  leftOut: ReportedFiles['leftOut'];
}

export interface AnalysisSessionOptions {
  registry?: RuleRegistry;
  /** Where parses are kept between analyses; the editor passes one that re-parses only an edited function. */
  parseCache?: ParseCache;
  /** The config file of every project instead of `<root>/.sol-audit.json` (the CLI's --config). */
  configFile?: string;
  /** The measured precision per rule that the recommended profile reads; default the corpus's (tests pass their own). */
  precision?: Readonly<Record<string, MeasuredPrecision>>;
}

export class AnalysisSession {
  readonly registry: RuleRegistry;
  readonly parseCache: ParseCache;
  private readonly knownIds: ReadonlySet<string>;
  private readonly roots = new Map<string, string>();
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly views = new Map<string, { key: string; view: ProjectView }>();

  constructor(
    readonly host: FileHost,
    private readonly options: AnalysisSessionOptions = {},
  ) {
    this.registry = options.registry ?? new RuleRegistry(ALL_RULES);
    this.parseCache = options.parseCache ?? new ParseCache();
    this.knownIds = knownRuleIds(this.registry);
  }

  /** Drops what is cached about files that changed on the host. */
  invalidate(paths: string[]): void {
    for (const p of paths) {
      this.parseCache.delete(p);
      // Anything but a Solidity file may be a config, a root marker, foundry.toml or remappings.txt.
      if (p.endsWith('.sol')) continue;
      this.roots.clear();
      this.configs.clear();
      this.views.clear();
    }
  }

  /** The project root of a file (or folder): the nearest folder with a project marker. */
  rootOf(filePath: string): string {
    const key = this.host.isDirectory(filePath) ? filePath : path.dirname(filePath);
    let root = this.roots.get(key);
    if (root === undefined) {
      root = findProjectRoot(filePath, this.host);
      this.roots.set(key, root);
    }
    return root;
  }

  /** The project's config, read once through the host; a broken one yields the defaults and the reason. */
  configOf(root: string): LoadedConfig {
    let loaded = this.configs.get(root);
    if (!loaded) {
      loaded = this.loadConfig(this.options.configFile ?? path.join(root, CONFIG_FILE_NAME));
      this.configs.set(root, loaded);
    }
    return loaded;
  }

  /** The project's config, rule selection and report policy under `settings`. Throws UnknownRuleError for a bad id in onlyRules/disabledRules. */
  viewOf(root: string, settings: AnalysisSettings): ProjectView {
    const key = JSON.stringify(settings);
    const cached = this.views.get(root);
    if (cached?.key === key) return cached.view;
    const loaded = this.configOf(root);
    // Either the config or the caller may switch dependency folders on.
    const config = settings.reportDependencies ? { ...loaded.config, reportDependencies: true } : loaded.config;
    const overrides = { settings: settings.rules, profile: settings.profile, only: settings.onlyRules, exclude: settings.disabledRules };
    const selection = selectRules(this.registry, config, overrides, this.options.precision);
    const view = { root, config: loaded, selection, policy: new ReportPolicy(root, config, settings, this.host) };
    this.views.set(root, { key, view });
    return view;
  }

  /** Analyses files, one project model per root, and returns what is shown for each readable one. */
  analyse(filePaths: string[], settings: AnalysisSettings, options: AnalyseOptions = {}): DocumentAnalysis[] {
    const byRoot = new Map<string, string[]>();
    for (const p of filePaths.map((f) => path.resolve(f))) {
      const root = this.rootOf(p);
      const inRoot = byRoot.get(root);
      if (inRoot) inRoot.push(p);
      else byRoot.set(root, [p]);
    }
    const out: DocumentAnalysis[] = [];
    for (const [root, paths] of byRoot) {
      const view = this.viewOf(root, settings);
      const project = ProjectModel.load(paths, { root, host: this.host, parseCache: this.parseCache });
      for (const p of paths) {
        const file = project.file(p);
        if (file) out.push(this.show(view, project, file, options));
      }
    }
    return out;
  }

  /** What is shown for one document: the question the editor, the AI commands and their context ask. */
  analyseDocument(filePath: string, settings: AnalysisSettings, options: AnalyseOptions = {}): DocumentAnalysis | undefined {
    return this.analyse([filePath], settings, options)[0];
  }

  /**
   * What would be shown for a document if its text were `text` (a proposed fix), under the same settings. The
   * proposed text is parsed apart from the session's parses, so the document's own stay as they are.
   */
  analyseProposedText(filePath: string, text: string, settings: AnalysisSettings): DocumentAnalysis | undefined {
    const absolute = path.resolve(filePath);
    const root = this.rootOf(absolute);
    const shared = this.parseCache;
    const proposal = new (class extends ParseCache {
      override get(p: string, t: string): SourceFile {
        return p === absolute ? createSourceFile(p, t) : shared.get(p, t);
      }
    })();
    const project = ProjectModel.load([absolute], { root, host: this.host, parseCache: proposal }, new Map([[absolute, text]]));
    const file = project.file(absolute);
    return file && this.show(this.viewOf(root, settings), project, file, {});
  }

  /**
   * The report of one project over `targets` (files and folders): its reported files analysed in one model,
   * with what is shown (the exported report). The CLI's parallel scan plans the same files with
   * `viewOf(...).policy.reportedFiles` and filters each file's findings with `policy.shown`.
   */
  report(targets: string[], settings: AnalysisSettings): ProjectReport {
    const root = this.rootOf(path.resolve(targets[0]));
    const view = this.viewOf(root, settings);
    const { files, leftOut } = view.policy.reportedFiles(targets);
    const scan = scanFiles(files, root, view.selection, this.host, this.parseCache);
    return { ...scan, root, view, leftOut, findings: view.policy.shown(scan.findings, true) };
  }

  private show(view: ProjectView, project: ProjectModel, file: SourceFile, options: AnalyseOptions): DocumentAnalysis {
    const findings = view.policy.shown(analyzeFile(project, file, view.selection, options), view.policy.isReported(file.path));
    return { path: file.path, project, file, view, findings };
  }

  private loadConfig(configPath: string): LoadedConfig {
    const text = this.host.readFile(configPath);
    if (text === undefined) {
      // A project without a config file uses the defaults; a config file the caller named must exist.
      return this.options.configFile === undefined ? { config: DEFAULT_CONFIG, path: configPath } : { config: DEFAULT_CONFIG, path: configPath, error: `cannot read config file ${configPath}` };
    }
    try {
      return { config: parseConfig(text, this.knownIds, configPath), path: configPath };
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      return { config: DEFAULT_CONFIG, path: configPath, error: err.message };
    }
  }
}
