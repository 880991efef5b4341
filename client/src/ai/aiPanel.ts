// The AI answer panel beside the editor: renders Markdown (VS Code's own renderer), grows as a streamed
// answer arrives, offers a follow-up box in conversations, and cancels the running request when closed.

import * as vscode from 'vscode';

export interface PanelRequest {
  /** Cancelled when the panel closes or another request replaces this one. */
  token: vscode.CancellationToken;
}

export class AiPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  private header = '';
  private body = '';
  private followUp: ((question: string) => void) | undefined;
  private renderTimer: NodeJS.Timeout | undefined;

  /** Opens (or reuses) the panel for a new answer; any request still running is cancelled. */
  begin(title: string, header: string, onFollowUp?: (question: string) => void): PanelRequest {
    this.running?.cancel();
    this.running = new vscode.CancellationTokenSource();
    this.header = header;
    this.body = '_Waiting for the model…_';
    this.followUp = onFollowUp;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('solAuditAi', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
      this.panel.onDidDispose(() => {
        // Closing the panel aborts the HTTP request: the server receives $/cancelRequest.
        this.running?.cancel();
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: { type?: string; question?: string }) => {
        if (message.type === 'followUp' && message.question?.trim()) this.followUp?.(message.question.trim());
      });
    }
    this.panel.title = title;
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    void this.render();
    return { token: this.running.token };
  }

  /** Appends streamed text; rendering is throttled so a fast stream does not re-render per token. */
  append(text: string): void {
    if (this.body === '_Waiting for the model…_') this.body = '';
    this.body += text;
    if (!this.renderTimer) {
      this.renderTimer = setTimeout(() => {
        this.renderTimer = undefined;
        void this.render();
      }, 50);
    }
  }

  /** Names the subject once the server has resolved it (the function under the cursor). */
  retitle(title: string, header: string): void {
    this.header = header;
    if (this.panel) this.panel.title = title;
  }

  /** Replaces the body with a newer partial answer (explanations stream as re-rendered Markdown). */
  replace(markdown: string): void {
    this.body = markdown;
    this.append('');
  }

  /** Replaces the body with the final answer (which carries its "based on" footer). */
  finish(markdown: string): void {
    this.body = markdown;
    void this.render();
  }

  dispose(): void {
    this.running?.cancel();
    this.panel?.dispose();
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const markdown = `${this.header}\n\n${this.body}`;
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown).then(
      (rendered) => rendered,
      () => `<pre>${escapeHtml(markdown)}</pre>`,
    );
    const nonce = Math.random().toString(36).slice(2);
    const form = this.followUp
      ? `<form id="f"><input id="q" placeholder="Ask a follow-up question" style="width:80%"><button>Ask</button></form>
         <script nonce="${nonce}">const vscode = acquireVsCodeApi();
         document.getElementById('f').addEventListener('submit', (e) => { e.preventDefault(); const q = document.getElementById('q');
         vscode.postMessage({ type: 'followUp', question: q.value }); q.value = ''; });</script>`
      : '';
    panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
      </head><body>${html}${form}</body></html>`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
