// Scans given files of one project: loads the project model and runs the selected rules on each file. Which
// files are reported and which findings are shown is the report policy's business (reportPolicy.ts).

import * as path from 'node:path';
import type { Finding } from '../model/finding';
import type { FileHost } from '../project/fileHost';
import { ProjectModel } from '../project/projectModel';
import type { ParseCache } from '../project/sourceFile';
import { analyzeFile, compareFindings } from './analyze';
import type { RuleSelection } from './ruleSelection';

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

export function scanFiles(files: string[], root: string, selection: RuleSelection, host: FileHost, parseCache?: ParseCache): ScanResult {
  const { readable, errors } = readableFiles(files, host);
  const project = ProjectModel.load(readable, { root, host, parseCache });
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
