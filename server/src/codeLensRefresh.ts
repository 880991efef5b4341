// Asks the editor to query code lenses again (workspace/codeLens/refresh) after findings change, so the
// per-contract counts never show an older analysis. Coalesced: a workspace scan publishes many files at once.

import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';

export class CodeLensRefresher {
  /** Set from the client's `workspace.codeLens.refreshSupport` capability. */
  supported = false;
  private pending = false;

  constructor(private readonly connection: Connection) {}

  request(): void {
    if (!this.supported || this.pending) return;
    this.pending = true;
    // After the publishDiagnostics already queued on the connection, so the lenses read the new findings.
    setImmediate(() => {
      this.pending = false;
      this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    });
  }
}
