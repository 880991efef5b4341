// Scans files and folders of one project: collects files, loads the project model, runs the selected rules
// and filters what is reported. Used by the CLI (directly and inside worker threads).

import * as path from 'node:path';
import { createReportFilter, type AuditConfig } from '../config/config';
import type { Finding } from '../model/finding';
import type { FileHost } from '../project/fileHost';
import { collectSolidityFiles } from '../project/projectFiles';
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

/** The reported files for the given paths: dependency folders and config excludes are dropped. */
export function reportedFiles(paths: string[], root: string, config: AuditConfig, host: FileHost): string[] {
  const reportable = createReportFilter(config);
  const files = new Set<string>();
  for (const target of paths) {
    const absolute = path.resolve(target);
    const explicitFile = !host.isDirectory(absolute);
    for (const file of collectSolidityFiles(absolute, host, config.reportDependencies)) {
      // A file named on the command line is reported even inside lib/: the user asked for it.
      if (explicitFile || reportable(relativeTo(root, file))) files.add(file);
    }
  }
  return [...files].sort();
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
