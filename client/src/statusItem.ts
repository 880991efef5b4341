// The language status item next to "Solidity" in the status bar: findings count, analysis running, errors.

import { LanguageStatusSeverity, languages, type Disposable, type LanguageStatusItem } from 'vscode';
import { Commands, type StatusParams } from 'sol-audit-protocol';

export class AnalysisStatusItem implements Disposable {
  private readonly item: LanguageStatusItem;

  constructor() {
    this.item = languages.createLanguageStatusItem('solAudit.status', [{ language: 'solidity' }, { pattern: '**/*.sol' }]);
    this.item.name = 'Solidity Audit Hints';
    this.item.command = { title: 'Show output', command: Commands.showOutput };
    this.update({ state: 'analyzing', findingCount: 0, message: 'Starting…' });
  }

  update(status: StatusParams): void {
    this.item.busy = status.state === 'analyzing';
    this.item.severity = status.state === 'error' ? LanguageStatusSeverity.Error : LanguageStatusSeverity.Information;
    const count = `${status.findingCount} finding${status.findingCount === 1 ? '' : 's'}`;
    this.item.text = status.state === 'error' ? `$(error) sol-audit: ${count}` : `$(shield) sol-audit: ${count}`;
    this.item.detail = status.message ?? (status.state === 'analyzing' ? 'Analysing…' : 'Up to date');
  }

  dispose(): void {
    this.item.dispose();
  }
}
