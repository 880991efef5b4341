// "Fix with AI" and triage: a model's fix is applied to a copy, re-parsed and re-analysed before it is offered;
// fixes that break parsing, leave the finding or introduce a new serious finding are rejected with a reason.

import * as assert from 'node:assert/strict';
import { AiService } from '../../../ai/src/aiService';
import { applyEdits } from '../../../ai/src/fixValidation';
import type { ProposedEdit } from '../../../ai/src/schemas';
import { FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { analyse, EXPLANATION, settingsFor, txOrigin } from './aiTestSupport';

function explanationWith(edits: ProposedEdit[]): string {
  return JSON.stringify({ ...EXPLANATION, fix: { description: 'Proposed fix.', edits } });
}

describe('Fix with AI', () => {
  const server = new FakeOpenAiServer();
  let service: AiService;
  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    service = new AiService();
  });

  async function fixWith(edits: ProposedEdit[]) {
    server.enqueue({ content: explanationWith(edits) });
    const analysed = analyse();
    return { analysed, answer: await service.fix(analysed, txOrigin(analysed), { settings: settingsFor(server.baseUrl) }) };
  }

  it('offers a good fix, with edits that remove the finding', async () => {
    const { analysed, answer } = await fixWith([{ original: 'tx.origin == owner', startLine: null, endLine: null, replacement: 'msg.sender == owner' }]);
    assert.equal(answer.rejection, undefined);
    assert.ok(answer.proposal);
    assert.match(answer.proposal.newText, /require\(msg\.sender == owner, "not owner"\);\n        uint256 amount/);
    assert.equal(applyEdits(analysed.file.text, answer.proposal.edits), answer.proposal.newText);
    assert.match(answer.markdown, /Fix checked/);
    assert.match(server.requests[0].body.messages?.[1].content ?? '', /^Task: propose the smallest fix for the finding tx-origin/);
  });

  it('accepts a whole-line edit, even when the model copied the line-number prefix', async () => {
    const { answer } = await fixWith([{ original: '24|         require(tx.origin == owner, "not owner");', startLine: null, endLine: null, replacement: '        require(msg.sender == owner, "not owner");' }]);
    assert.ok(answer.proposal, answer.rejection);
    const byLines = await fixWith([{ original: null, startLine: 24, endLine: 24, replacement: '        require(msg.sender == owner, "not owner");\n' }]);
    assert.ok(byLines.answer.proposal, byLines.answer.rejection);
  });

  it('rejects a fix that does not parse', async () => {
    const { answer } = await fixWith([{ original: 'tx.origin == owner, "not owner");', startLine: null, endLine: null, replacement: 'msg.sender == owner, "not owner";' }]);
    assert.equal(answer.proposal, undefined);
    assert.match(answer.rejection ?? '', /does not parse/);
    assert.match(answer.markdown, /Fix rejected/);
  });

  it('rejects a fix that leaves the finding in place', async () => {
    const { answer } = await fixWith([{ original: '"not owner");\n        uint256', startLine: null, endLine: null, replacement: '"only the owner");\n        uint256' }]);
    assert.match(answer.rejection ?? '', /tx-origin is still reported/);
  });

  it('rejects a fix that introduces a new finding of medium or higher elsewhere', async () => {
    const { answer } = await fixWith([
      { original: 'tx.origin == owner', startLine: null, endLine: null, replacement: 'msg.sender == owner' },
      { original: 'external payable onlyOwner {', startLine: null, endLine: null, replacement: 'external payable {\n        require(tx.origin == owner);' },
    ]);
    assert.equal(answer.proposal, undefined);
    assert.match(answer.rejection ?? '', /introduces a new medium finding: tx-origin/);
  });

  it('rejects edits whose original text is missing or ambiguous', async () => {
    const missing = await fixWith([{ original: 'tx.origin==owner', startLine: null, endLine: null, replacement: 'x' }]);
    assert.match(missing.answer.rejection ?? '', /does not occur/);
    const ambiguous = await fixWith([{ original: 'owner', startLine: null, endLine: null, replacement: 'admin' }]);
    assert.match(ambiguous.answer.rejection ?? '', /several times; it is ambiguous/);
    // "not owner" occurs in the modifier too, but once inside the target function: that one is meant.
    const insideTarget = await fixWith([{ original: '"not owner"', startLine: null, endLine: null, replacement: '"no"' }]);
    assert.match(insideTarget.answer.rejection ?? '', /still reported after the fix \(line 24\)/);
    const none = await fixWith([]);
    assert.match(none.answer.rejection ?? '', /no edits/);
  });
});

describe('Triage with AI', () => {
  const server = new FakeOpenAiServer();
  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => server.reset());

  it('gives each finding a verdict and leaves the findings untouched', async () => {
    server.enqueue({ content: JSON.stringify({ verdict: 'likely-true', reasoning: 'Owner-only withdrawal via tx.origin.', confidence: 0.85 }) });
    const analysed = analyse();
    const before = JSON.stringify(analysed.findings);
    const [result] = await new AiService().triage(analysed, [txOrigin(analysed)], { settings: settingsFor(server.baseUrl) });
    assert.equal(result.verdict?.verdict, 'likely-true');
    assert.equal(JSON.stringify(analysed.findings), before);
    assert.match(server.requests[0].body.messages?.[1].content ?? '', /^Task: decide whether the finding tx-origin/);
    assert.equal(server.requests[0].body.response_format?.json_schema?.name, 'sol_audit_triage_v1');
  });

  it('keeps going when one finding fails, and stops on errors that would fail them all', async () => {
    const analysed = analyse();
    server.enqueue({ status: 400, errorBody: { error: { message: 'bad thing' } } });
    const [result] = await new AiService().triage(analysed, [txOrigin(analysed)], { settings: settingsFor(server.baseUrl) });
    assert.match(result.error ?? '', /bad thing/);
    server.enqueue({ status: 401 });
    await assert.rejects(new AiService().triage(analysed, [txOrigin(analysed)], { settings: settingsFor(server.baseUrl) }), /401/);
  });
});
