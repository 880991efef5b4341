// Server-side commands (workspace/executeCommand) and the client's custom requests: disable a rule for a
// line (from the hover link), scan the workspace, export the Markdown report.

import { TextDocumentEdit, type Connection, type ExecuteCommandParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { AnalysisClient } from './analysisClient';
import type { OpenDocuments } from './openDocuments';
import { Commands, type DisableForLineArgs, type ExportReportParams, type ExportReportResult } from 'sol-audit-protocol';
import type { SettingsStore } from './settings';
import { disableForLineEdit } from './suppressionEdits';
import type { WorkspaceIndex } from './workspaceIndex';

export const SERVER_COMMANDS = [Commands.disableForLine];

export async function executeCommand(connection: Connection, documents: OpenDocuments, params: ExecuteCommandParams): Promise<void> {
  if (params.command !== Commands.disableForLine) return;
  const args = params.arguments?.[0] as DisableForLineArgs | undefined;
  const document = args && documents.get(args.uri);
  // Skip a link from an older hover: its line number may now point at different code.
  if (!args || !document || document.version !== args.version) return;
  await connection.workspace.applyEdit({
    label: `Disable ${args.ruleId} for this line`,
    edit: { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, [disableForLineEdit(document, args.line, args.ruleId)])] },
  });
}

export async function exportReport(params: ExportReportParams, index: WorkspaceIndex, settings: SettingsStore, analysis: AnalysisClient): Promise<ExportReportResult> {
  const folder = params.folderUri ? URI.parse(params.folderUri).fsPath : index.folderPaths()[0];
  if (!folder) return { markdown: '# sol-audit security report\n\nOpen a folder to export a report of its Solidity files.\n' };
  // What the workspace scan leaves out (VS Code's files.exclude too) is not in the report either.
  return { markdown: await analysis.report(folder, await settings.forFolderScan(URI.file(folder).toString())) };
}
