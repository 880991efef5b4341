// The client's trace channel never shows the API key that AI requests carry in their params.

import * as assert from 'node:assert/strict';
import type { LogOutputChannel } from 'vscode';
import { redactApiKeys, redactingTraceChannel } from '../../../client/src/ai/redactingTraceChannel';

describe('trace redaction', () => {
  it('blanks apiKey values in compact and indented JSON, and nothing else', () => {
    const key = 'sk-proj-abc\\"def';
    assert.equal(redactApiKeys(`{"uri":"file:///a.sol","apiKey":"${key}","model":"m"}`), '{"uri":"file:///a.sol","apiKey":"[redacted]","model":"m"}');
    assert.equal(redactApiKeys(`Params: {\n    "apiKey": "sk-1",\n    "x": 1\n}`), 'Params: {\n    "apiKey": "[redacted]",\n    "x": 1\n}');
  });

  it('wraps every writing method of the channel', () => {
    const lines: string[] = [];
    const channel = { name: 'x', trace: (m: string) => lines.push(m), appendLine: (m: string) => lines.push(m), logLevel: 1 } as unknown as LogOutputChannel;
    const wrapped = redactingTraceChannel(channel);
    wrapped.trace('Sending request \'solAudit/ai/explain - (3)\'.\nParams: {"apiKey":"sk-secret-1"}');
    wrapped.appendLine('{"apiKey": "sk-secret-2"}');
    assert.equal(wrapped.name, 'x');
    assert.ok(lines.every((l) => !l.includes('sk-secret')), lines.join('\n'));
    assert.equal(lines.length, 2);
  });
});
