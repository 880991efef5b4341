// Scans files and folders of one project: collects files, loads the project model, runs the selected rules
// and filters what is reported. Used by the CLI (directly and inside worker threads).

import * as path from 'node:path';
import { createReportFilter, type AuditConfig } from '../config/config';
import type { Finding } from '../model/finding';
import type { FileHost } from '../project/fileHost';
import { listSolidityFiles } from '../project/projectFiles';
import { leftOutFolderOf, readProjectLayout, type LeftOutFolder, type LeftOutReason } from '../project/projectLayout';
import { ProjectModel } from '../project/projectModel';
import { analyzeFile, compareFindings } from './analyze';
import type { RuleSelection } from './ruleSelection';
import { relativeTo } from './runRules';

export interface ScanError {
  file: string;
  message: string;
}

export interface ScanResult {
  /** Files whose findings are reported, absolute. */
  files: string[];
  findings: Finding[];
  errors: ScanError[];
  /** Lines of the reported files, for summaries and benchmarks. */
  lineCount: number;
}

export interface ReportedFiles {
  /** Absolute and sorted. */
  files: string[];
  /** Dependency folders and build outputs whose files are not reported, so a summary can say what was not looked at. */
  leftOut: LeftOutFolder[];
}

/** The reported files for the given paths: dependency folders, build outputs and config excludes are dropped. */
export function reportedFiles(paths: string[], root: string, config: AuditConfig, host: FileHost): ReportedFiles {
  const layout = readProjectLayout(root, host);
  const reportable = createReportFilter(config, layout);
  const files = new Set<string>();
  const leftOut = new Map<string, { reason: LeftOutReason; files: Set<string> }>();
  const leaveOut = (folder: string, reason: LeftOutReason, file: string): void => {
    const entry = leftOut.get(folder) ?? { reason, files: new Set<string>() };
    entry.files.add(file);
    leftOut.set(folder, entry);
  };
  for (const target of paths) {
    const absolute = path.resolve(target);
    const explicitFile = !host.isDirectory(absolute);
    const found = listSolidityFiles(absolute, host, { includeDependencies: config.reportDependencies });
    for (const folder of found.leftOut) for (const file of folder.files) leaveOut(folder.folder, folder.reason, file);
    for (const file of found.files) {
      // A file named on the command line is reported even inside lib/: the user asked for it.
      if (explicitFile) {
        files.add(file);
        continue;
      }
      // A named folder inside a dependency folder (`sol-audit lib/dep/src`) is still a dependency of this root.
      const relative = relativeTo(root, file);
      const outer = leftOutFolderOf(relative, layout, config.reportDependencies);
      if (outer) leaveOut(path.join(root, outer.folder), outer.reason, file);
      else if (reportable(relative)) files.add(file);
    }
  }
  const notReported = [...leftOut]
    .map(([folder, entry]) => ({ folder, reason: entry.reason, files: [...entry.files].filter((f) => !files.has(f)).sort() }))
    .filter((f) => f.files.length > 0)
    .sort((a, b) => a.folder.localeCompare(b.folder));
  return { files: [...files].sort(), leftOut: notReported };
}

/** Splits the files to scan into readable ones and an error for each of the others. */
export function readableFiles(files: string[], host: FileHost): { readable: string[]; errors: ScanError[] } {
  const errors: ScanError[] = [];
  const readable = files.filter((file) => {
    if (host.readFile(file) === undefined) {
      errors.push({ file, message: host.isDirectory(file) ? 'is a folder with no .sol files' : 'cannot be read (missing or no permission)' });
      return false;
    }
    return true;
  });
  return { readable, errors };
}

export function scanFiles(files: string[], root: string, selection: RuleSelection, host: FileHost): ScanResult {
  const { readable, errors } = readableFiles(files, host);
  const project = ProjectModel.load(readable, { root, host });
  const findings: Finding[] = [];
  let lineCount = 0;
  for (const filePath of readable) {
    const file = project.file(path.resolve(filePath));
    if (!file) continue;
    lineCount += file.lines.lineCount;
    findings.push(...analyzeFile(project, file, selection));
  }
  return { files: readable, findings: findings.sort(compareFindings), errors, lineCount };
}
