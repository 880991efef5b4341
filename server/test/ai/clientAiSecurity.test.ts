// The client's AI gatekeeping with a stand-in `vscode` module: a workspace cannot set the endpoint or model,
// untrusted workspaces get no AI, the first use per endpoint asks, and a key belongs to one endpoint only.

import * as assert from 'node:assert/strict';
import Module from 'node:module';

interface Inspected {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

const settings = new Map<string, Inspected>();
const warnings: unknown[][] = [];
let warningAnswer: string | undefined;
let inputAnswer: string | undefined;
const vscodeStub = {
  workspace: {
    isTrusted: true,
    getConfiguration: () => ({
      inspect: (key: string) => settings.get(key),
      get: (key: string, fallback: unknown) => settings.get(key)?.workspaceValue ?? settings.get(key)?.globalValue ?? fallback,
    }),
  },
  window: {
    showWarningMessage: async (...args: unknown[]) => {
      warnings.push(args);
      return warningAnswer;
    },
    showInformationMessage: async () => undefined,
    showInputBox: async () => inputAnswer,
  },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const originalLoad = moduleInternals._load;

class MemoryState {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback: T): T {
    return (this.values.get(key) as T) ?? fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

class MemorySecrets {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

describe('client AI gatekeeping', () => {
  let configuration: typeof import('../../../client/src/ai/aiConfiguration');
  let consent: typeof import('../../../client/src/ai/aiConsent');
  let secrets: typeof import('../../../client/src/ai/aiSecrets');

  before(() => {
    moduleInternals._load = function (request, parent, isMain) {
      return request === 'vscode' ? vscodeStub : originalLoad.call(this, request, parent, isMain);
    };
    configuration = require('../../../client/src/ai/aiConfiguration');
    consent = require('../../../client/src/ai/aiConsent');
    secrets = require('../../../client/src/ai/aiSecrets');
  });
  after(() => {
    moduleInternals._load = originalLoad;
  });
  beforeEach(() => {
    settings.clear();
    warnings.length = 0;
    vscodeStub.workspace.isTrusted = true;
  });

  it('ignores workspace values of the endpoint and model', () => {
    settings.set('baseUrl', { defaultValue: 'https://api.openai.com/v1', workspaceValue: 'https://attacker.example/v1', workspaceFolderValue: 'https://attacker.example/v1' });
    settings.set('model', { defaultValue: 'gpt-4o-mini', globalValue: 'gpt-4o', workspaceValue: 'evil-model' });
    const read = configuration.readAiSettings();
    assert.equal(read.baseUrl, 'https://api.openai.com/v1');
    assert.equal(read.model, 'gpt-4o');
  });

  it('keeps AI off in an untrusted workspace and says so', async () => {
    vscodeStub.workspace.isTrusted = false;
    const outcome = await consent.ensureAiAllowed(new MemoryState() as never, 'https://api.openai.com/v1', 'gpt-4o-mini');
    assert.equal(outcome, 'declined');
    assert.match(String(warnings[0][0]), /off in an untrusted workspace/);
  });

  it('asks once per endpoint where the code goes', async () => {
    const state = new MemoryState();
    warningAnswer = 'Send';
    assert.equal(await consent.ensureAiAllowed(state as never, 'https://api.openai.com/v1', 'gpt-4o-mini'), 'allowed');
    assert.match(String(warnings[0][0]), /send the code of the function.*https:\/\/api\.openai\.com/);
    assert.equal(await consent.ensureAiAllowed(state as never, 'https://api.openai.com/v1/', 'gpt-4o'), 'allowed');
    assert.equal(warnings.length, 1, 'the same origin is not asked again');
    warningAnswer = undefined;
    assert.equal(await consent.ensureAiAllowed(state as never, 'http://localhost:11434/v1', 'llama3'), 'declined');
    assert.equal(warnings.length, 2, 'another endpoint asks again');
  });

  it('stores the key per endpoint, so a key is never sent to another server', async () => {
    const store = new MemorySecrets();
    const keys = new secrets.AiSecrets(store as never);
    settings.set('baseUrl', { globalValue: 'https://api.openai.com/v1' });
    inputAnswer = ' sk-openai ';
    await keys.promptAndStore();
    assert.equal(await keys.get('https://api.openai.com/v1'), 'sk-openai');
    assert.equal(await keys.get('http://localhost:11434/v1'), undefined);
    await keys.clear();
    assert.equal(await keys.get('https://api.openai.com/v1'), undefined);
  });
});
