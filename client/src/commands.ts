// The extension's commands as one table: id → handler. extension.ts registers whatever is in it, so the
// AI layer (issue 4) adds or replaces entries without touching the other commands.

import { Uri, env, languages, window, workspace, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, ExportReportRequest, RuleDocumentationRequest, ScanWorkspaceRequest } from 'sol-audit-protocol';

export type CommandTable = Record<string, (...args: unknown[]) => unknown>;

export interface CommandDependencies {
  client: LanguageClient;
  output: LogOutputChannel;
}

/** Rule ids flagged in the active editor, for commands invoked from the palette without an argument. */
function ruleIdsInActiveEditor(): string[] {
  const uri = window.activeTextEditor?.document.uri;
  if (!uri) return [];
  const ids = languages.getDiagnostics(uri).filter((d) => d.source === 'sol-audit').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
  return [...new Set(ids)].sort();
}

async function showRuleDocumentation(client: LanguageClient, ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const flagged = ruleIdsInActiveEditor();
    id = flagged.length > 0 ? await window.showQuickPick(flagged, { placeHolder: 'Rule to show the documentation of' }) : await window.showInputBox({ prompt: 'Rule id (for example tx-origin)' });
  }
  if (id) await env.openExternal(Uri.parse(await client.sendRequest(RuleDocumentationRequest, { ruleId: id })));
}

export function coreCommands({ client, output }: CommandDependencies): CommandTable {
  return {
    [Commands.scanWorkspace]: async () => {
      const result = await client.sendRequest(ScanWorkspaceRequest);
      void window.showInformationMessage(`sol-audit: ${result.findingCount} findings in ${result.fileCount} Solidity files.`);
    },
    [Commands.exportReport]: async (folder?: unknown) => {
      const folderUri = folder instanceof Uri ? folder.toString() : workspace.workspaceFolders?.[0]?.uri.toString();
      const { markdown } = await client.sendRequest(ExportReportRequest, { folderUri });
      await window.showTextDocument(await workspace.openTextDocument({ language: 'markdown', content: markdown }));
    },
    [Commands.showRuleDocumentation]: (ruleId?: unknown) => showRuleDocumentation(client, ruleId),
    [Commands.showOutput]: () => output.show(),
  };
}

/** Until the AI layer is configured, its entry points say what they need instead of failing silently. */
export function aiPlaceholderCommands(): CommandTable {
  const needsConfiguration = (): void => {
    void window.showInformationMessage('sol-audit: AI features need configuration (an OpenAI-compatible endpoint and model). The static findings work without it.');
  };
  return { [Commands.explainFinding]: needsConfiguration, [Commands.askAiAboutFunction]: needsConfiguration };
}
