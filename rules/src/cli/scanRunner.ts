// Runs a scan for the CLI: today in-process; the parallel, cached version replaces the body, not the signature.

import { scanFiles, type ScanResult } from '../engine/scan';
import type { RuleSelection } from '../engine/ruleSelection';
import type { FileHost } from '../project/fileHost';

export interface ScanRunRequest {
  files: string[];
  root: string;
  selection: RuleSelection;
  host: FileHost;
}

export async function runScan(request: ScanRunRequest): Promise<ScanResult> {
  return scanFiles(request.files, request.root, request.selection, request.host);
}
