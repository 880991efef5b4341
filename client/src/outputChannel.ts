// The extension's output channel: server logs and, with `solAudit.trace.server`, the LSP message trace.

import { window, type LogOutputChannel } from 'vscode';

export const OUTPUT_CHANNEL_NAME = 'Solidity Audit Hints';

export function createOutputChannel(): LogOutputChannel {
  return window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
}
