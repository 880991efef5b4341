// The VS Code extension entry: starts the bundled language server over IPC, registers the command table,
// the status item and the output channel, and disposes them. Everything else happens in the server.

import * as path from 'node:path';
import { commands, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, Commands, StatusNotification } from 'sol-audit-protocol';
import { aiCommandTable } from './ai/aiCommands';
import { redactingTraceChannel } from './ai/redactingTraceChannel';
import { aiPlaceholderCommands, coreCommands, type CommandTable } from './commands';
import { createOutputChannel } from './outputChannel';
import { AnalysisStatusItem } from './statusItem';

let client: LanguageClient | undefined;

/** Command ids the hover's Markdown may invoke; nothing else runs from a hover link. */
const HOVER_COMMANDS = [Commands.explainFinding, Commands.disableForLine, Commands.showRuleDocumentation];

export async function activate(context: ExtensionContext): Promise<LanguageClient> {
  const output = createOutputChannel();
  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'solidity' },
      { scheme: 'file', pattern: '**/*.sol' },
    ],
    outputChannel: output,
    traceOutputChannel: redactingTraceChannel(output),
    diagnosticCollectionName: 'sol-audit',
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS }, supportHtml: false },
  };
  client = new LanguageClient(CLIENT_ID, 'Solidity Audit Hints', serverOptions, clientOptions);

  const status = new AnalysisStatusItem();
  context.subscriptions.push(output, status, client.onNotification(StatusNotification, (params) => status.update(params)));

  const table: CommandTable = { ...aiPlaceholderCommands(), ...coreCommands({ client, output }), ...aiCommandTable(context, client) };
  for (const [id, handler] of Object.entries(table)) context.subscriptions.push(commands.registerCommand(id, handler));

  await client.start();
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
