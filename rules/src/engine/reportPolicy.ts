// The one "what is shown" policy of a project: which files are reported (not a dependency folder or build
// output, not excluded by `.sol-audit.json` or the editor's `exclude`) and which of their findings are shown
// (at or above the minimum severity). The CLI, the editor, the AI layer and the exported report all ask it.

import * as path from 'node:path';
import picomatch from 'picomatch';
import { createReportFilter, type AuditConfig } from '../config/config';
import { severityRank, type Finding, type Severity } from '../model/finding';
import type { FileHost } from '../project/fileHost';
import { listSolidityFiles } from '../project/projectFiles';
import { leftOutFolderOf, readProjectLayout, type LeftOutFolder, type LeftOutReason, type ProjectLayout } from '../project/projectLayout';
import { relativeTo } from './runRules';

/** The caller's part of the policy (the editor's settings); the project's part comes from its config. */
export interface ReportSettings {
  /** Findings less severe than this are not shown; syntax errors always are. Default: every severity. */
  minimumSeverity?: Severity;
  /** Globs of files analysed for context but not reported, relative to `excludeBase`. */
  exclude?: string[];
  /** The folder `exclude` is relative to (the editor's workspace folder); default the project root. */
  excludeBase?: string;
}

export interface ReportedFiles {
  /** Absolute and sorted. */
  files: string[];
  /** Dependency folders and build outputs whose files are not reported, so a summary can say what was not looked at. */
  leftOut: LeftOutFolder[];
}

export class ReportPolicy {
  private readonly layout: ProjectLayout;
  private readonly reportable: (relativePath: string) => boolean;
  private readonly excludedBySettings: (relativePath: string) => boolean;
  private readonly minimumRank: number;

  /** `config` is the project's effective config (reportDependencies already switched on by a flag, if any). */
  constructor(
    readonly root: string,
    readonly config: AuditConfig,
    private readonly settings: ReportSettings,
    private readonly host: FileHost,
  ) {
    this.layout = readProjectLayout(root, host);
    this.reportable = createReportFilter(config, this.layout);
    const globs = settings.exclude ?? [];
    this.excludedBySettings = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
    this.minimumRank = severityRank(settings.minimumSeverity ?? 'gas');
  }

  /** Whether findings of this file are reported at all. */
  isReported(filePath: string): boolean {
    return this.reportable(relativeTo(this.root, filePath)) && !this.excludedBySettings(relativeTo(this.settings.excludeBase ?? this.root, filePath));
  }

  /** The findings of one file that are shown, `reported` saying whether the file itself is (see isReported). */
  shown(findings: Finding[], reported: boolean): Finding[] {
    // Syntax errors always show: code that does not parse is not analysed, and the user must know.
    return findings.filter((f) => f.ruleId === 'syntax-error' || (reported && severityRank(f.severity) <= this.minimumRank));
  }

  /** The reported files for the given paths (files and folders), and the folders left out on the way. */
  reportedFiles(paths: string[]): ReportedFiles {
    const files = new Set<string>();
    const leftOut = new Map<string, { reason: LeftOutReason; files: Set<string> }>();
    const leaveOut = (folder: string, reason: LeftOutReason, file: string): void => {
      const entry = leftOut.get(folder) ?? { reason, files: new Set<string>() };
      entry.files.add(file);
      leftOut.set(folder, entry);
    };
    for (const target of paths) {
      const absolute = path.resolve(target);
      const explicitFile = !this.host.isDirectory(absolute);
      const found = listSolidityFiles(absolute, this.host, { includeDependencies: this.config.reportDependencies });
      for (const folder of found.leftOut) for (const file of folder.files) leaveOut(folder.folder, folder.reason, file);
      for (const file of found.files) {
        // A file named on the command line is reported even inside lib/: the user asked for it.
        if (explicitFile) {
          files.add(file);
          continue;
        }
        // A named folder inside a dependency folder (`sol-audit lib/dep/src`) is still a dependency of this root.
        const outer = leftOutFolderOf(relativeTo(this.root, file), this.layout, this.config.reportDependencies);
        if (outer) leaveOut(path.join(this.root, outer.folder), outer.reason, file);
        else if (this.isReported(file)) files.add(file);
      }
    }
    const notReported = [...leftOut]
      .map(([folder, entry]) => ({ folder, reason: entry.reason, files: [...entry.files].filter((f) => !files.has(f)).sort() }))
      .filter((f) => f.files.length > 0)
      .sort((a, b) => a.folder.localeCompare(b.folder));
    return { files: [...files].sort(), leftOut: notReported };
  }
}
