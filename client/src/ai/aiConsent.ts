// Gatekeeping before any code leaves the machine: AI is off in untrusted workspaces, and the first request to
// an endpoint asks the user to confirm where the code will be sent.

import * as vscode from 'vscode';
import { endpointOrigin } from './aiConfiguration';

const CONFIRMED = 'solAudit.ai.confirmedEndpoints';

export type ConsentOutcome = 'allowed' | 'declined' | 'preview';

export async function ensureAiAllowed(state: vscode.Memento, baseUrl: string, model: string): Promise<ConsentOutcome> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('sol-audit: AI features are off in an untrusted workspace (Restricted Mode). Trust the workspace to use them.');
    return 'declined';
  }
  const origin = endpointOrigin(baseUrl);
  const confirmed = state.get<string[]>(CONFIRMED, []);
  if (confirmed.includes(origin)) return 'allowed';
  const choice = await vscode.window.showWarningMessage(
    `Solidity Audit Hints will send the code of the function, its context and the findings to ${origin} (model ${model}). Continue?`,
    { modal: true, detail: 'You are asked once per endpoint. "Show what will be sent" opens the exact request without sending it.' },
    'Send',
    'Show what will be sent',
  );
  if (choice === 'Send') {
    await state.update(CONFIRMED, [...confirmed, origin]);
    return 'allowed';
  }
  return choice === 'Show what will be sent' ? 'preview' : 'declined';
}
