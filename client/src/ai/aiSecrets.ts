// The API key in VS Code SecretStorage, one per endpoint origin. It is read only to be passed with a request
// and is never written to settings, logs or the output channel.

import * as vscode from 'vscode';
import { endpointOrigin, readAiSettings } from './aiConfiguration';

const KEY_PREFIX = 'solAudit.ai.apiKey:';

export class AiSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(baseUrl: string): Thenable<string | undefined> {
    return this.secrets.get(KEY_PREFIX + endpointOrigin(baseUrl));
  }

  async promptAndStore(): Promise<void> {
    const origin = endpointOrigin(readAiSettings().baseUrl);
    const key = await vscode.window.showInputBox({
      title: `API key for ${origin}`,
      prompt: 'Stored in VS Code SecretStorage and sent only to this endpoint. Local servers (Ollama, LM Studio) need none.',
      password: true,
      ignoreFocusOut: true,
    });
    if (!key) return;
    await this.secrets.store(KEY_PREFIX + origin, key.trim());
    void vscode.window.showInformationMessage(`sol-audit: API key saved for ${origin}.`);
  }

  async clear(): Promise<void> {
    const origin = endpointOrigin(readAiSettings().baseUrl);
    await this.secrets.delete(KEY_PREFIX + origin);
    void vscode.window.showInformationMessage(`sol-audit: API key removed for ${origin}.`);
  }
}
