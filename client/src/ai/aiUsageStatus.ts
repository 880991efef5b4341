// The status bar item of the AI layer: tokens and estimated cost of the last answer and of the session.

import * as vscode from 'vscode';
import type { AiAnswerResult } from 'sol-audit-protocol';

export class AiUsageStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('solAudit.aiUsage', vscode.StatusBarAlignment.Right, 90);
  private sessionTokens = 0;
  private sessionCost = 0;

  constructor() {
    this.item.name = 'Solidity Audit AI usage';
  }

  record(result: AiAnswerResult): void {
    if (!result.usage && !result.cached) return;
    const tokens = result.usage ? result.usage.promptTokens + result.usage.completionTokens : 0;
    if (!result.cached) {
      this.sessionTokens += tokens;
      this.sessionCost += result.costUsd ?? 0;
    }
    const cost = this.sessionCost > 0 ? ` ≈ $${this.sessionCost.toFixed(4)}` : '';
    this.item.text = `$(sparkle) AI ${this.sessionTokens} tok${cost}`;
    this.item.tooltip = `Last answer: ${result.model ?? 'model'} at ${result.endpointHost ?? 'endpoint'}, ${result.cached ? 'from cache (no request)' : `${tokens} tokens`}${
      result.costUsd !== undefined ? `, ≈ $${result.costUsd.toFixed(5)}` : ''
    }. Session: ${this.sessionTokens} tokens${cost}.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
