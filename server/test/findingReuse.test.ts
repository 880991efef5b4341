// Finding reuse across body edits must be invisible: for every fixture and every function or modifier body in
// it, emptying the body and then restoring it, typing a statement into it (a syntax error until it is complete),
// and editing a comment in it, for every state variable, renaming
// it and back, for every contract, removing its bases, adding one, renaming it and back, and for every comment
// outside all items and the pragma, editing it and back, each analysed with reuse, must give
// exactly the findings of a full analysis of the same text (messages, ranges, related locations, fixes, fingerprints). A rule whose
// meta.scope claims less than it depends on fails here on the fixture that shows the dependency.

import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { collectSolidityFiles, createSourceFile, NodeFileHost, walk } from 'sol-audit-rules';
import type { ASTNode, ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { ProjectAnalyzer } from '../src/projectAnalyzer';
import { DEFAULT_SETTINGS } from 'sol-audit-protocol';
import type { FileAnalysis } from '../src/workerMessages';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures');
const host = new NodeFileHost();

/** Inner ranges [start, end) of every non-empty function and modifier body, last first so edits do not move the rest. */
function bodiesOf(text: string): [number, number][] {
  const ast = createSourceFile('/reuse/Probe.sol', text).ast;
  const out: [number, number][] = [];
  if (!ast) return out;
  walk(ast, {
    enter: (node: ASTNode) => {
      if ((node.type === 'FunctionDefinition' || node.type === 'ModifierDefinition') && node.body?.range) {
        const [open, close] = node.body.range;
        if (text.slice(open + 1, close).trim() !== '') out.push([open + 1, close]);
      }
    },
    exit: () => undefined,
  });
  return out.sort((a, b) => b[0] - a[0]);
}

/** The end offset of the name of every state variable, where a rename appends to it. */
function stateVariableNamesOf(text: string): number[] {
  const ast = createSourceFile('/reuse/Probe.sol', text).ast;
  const out: number[] = [];
  if (!ast) return out;
  walk(ast, {
    enter: (node: ASTNode) => {
      if (node.type === 'StateVariableDeclaration') for (const v of node.variables) if (v.identifier?.range) out.push(v.identifier.range[1] + 1);
    },
    exit: () => undefined,
  });
  return out;
}

/**
 * The end offset of every line comment outside every top-level item (the license line, a note above a contract),
 * last first so edits do not move the rest.
 */
function outsideCommentEndsOf(text: string): number[] {
  const items = (createSourceFile('/reuse/Probe.sol', text).ast?.children ?? []) as ASTNode[];
  const out: number[] = [];
  for (const match of text.matchAll(/\/\/[^\n]*/g)) {
    const start = match.index;
    if (items.every((n) => !n.range || start < n.range[0] || start > n.range[1])) out.push(start + match[0].length);
  }
  return out.reverse();
}

/**
 * Every contract's name end and the start of its first member's line, last first: a space after the name, a
 * comment line above the member.
 */
function contractsOf(text: string): { nameEnd: number; firstMember: number | undefined }[] {
  const items = (createSourceFile('/reuse/Probe.sol', text).ast?.children ?? []) as ASTNode[];
  const out: { nameEnd: number; firstMember: number | undefined }[] = [];
  for (const n of items) {
    if (n.type !== 'ContractDefinition' || !n.range) continue;
    const nameEnd = text.indexOf(n.name, n.range[0]) + n.name.length;
    const member = (n.subNodes as ASTNode[])[0]?.range;
    out.push({ nameEnd, firstMember: member ? text.lastIndexOf('\n', member[0]) + 1 : undefined });
  }
  return out.reverse();
}

/**
 * Edits of every contract's header that change how contracts relate, last first: its base list removed (when it
 * has one), the contract declared before it added as its first base (an interface to an interface, a contract
 * or interface to anything else but a library), and its name changed.
 */
function headerEditsOf(text: string): { label: string; at: number; removed: number; inserted: string }[] {
  const items = (createSourceFile('/reuse/Probe.sol', text).ast?.children ?? []) as ASTNode[];
  const contracts = items.filter((n): n is ContractDefinition => n.type === 'ContractDefinition' && !!n.range);
  const out: { label: string; at: number; removed: number; inserted: string }[] = [];
  contracts.forEach((n, index) => {
    const start = (n.range as [number, number])[0];
    const nameEnd = text.indexOf(n.name, start) + n.name.length;
    const bodyOpen = text.indexOf('{', (n.baseContracts.at(-1)?.range?.[1] ?? nameEnd - 1) + 1);
    const line = text.slice(0, start).split('\n').length;
    const edits: { label: string; at: number; removed: number; inserted: string }[] = [];
    if (n.baseContracts.length > 0) edits.push({ label: `removing the bases of ${n.name} (line ${line})`, at: nameEnd, removed: bodyOpen - nameEnd, inserted: ' ' });
    const base = contracts
      .slice(0, index)
      .reverse()
      .find((c) => c.kind !== 'library' && (n.kind !== 'interface' || c.kind === 'interface') && !n.baseContracts.some((b) => b.baseName.namePath === c.name));
    if (base && n.kind !== 'library') {
      const first = n.baseContracts[0]?.range?.[0];
      edits.push(first === undefined ? { label: `making ${base.name} a base of ${n.name} (line ${line})`, at: nameEnd, removed: 0, inserted: ` is ${base.name}` } : { label: `adding ${base.name} to the bases of ${n.name} (line ${line})`, at: first, removed: 0, inserted: `${base.name}, ` });
    }
    edits.push({ label: `renaming ${n.name} (line ${line})`, at: nameEnd, removed: 0, inserted: 'Renamed' });
    // Last first within the contract too, so applying one edit at a time to the original text is all that matters.
    out.unshift(...edits);
  });
  return out;
}

/** Constraints the pragma is rewritten to: one below 0.5.0 and one of 0.8, which flip the version-gated rules. */
const PRAGMA_CONSTRAINTS = ['^0.4.24', '>=0.8.0 <0.9.0'];

/** Findings as sorted plain data, so deepEqual compares every field and ignores only report order. */
function canonical(analysis: FileAnalysis): string[] {
  return analysis.findings.map((f) => JSON.stringify(f)).sort();
}

describe('finding reuse across function body edits', function () {
  this.timeout(120_000);
  const fixtures = collectSolidityFiles(FIXTURES, host, true);
  let scopedRuns = 0;
  let edits = 0;
  let scopedCommentRuns = 0;
  let commentEdits = 0;
  let scopedMemberRuns = 0;
  let memberEdits = 0;
  let keptOutsideRuns = 0;
  let scopedLayoutRuns = 0;
  let layoutEdits = 0;
  let outsideEdits = 0;
  let brokenEdits = 0;
  let scopedBrokenRuns = 0;
  let headerEdits = 0;
  let scopedHeaderRuns = 0;

  for (const file of fixtures) {
    const name = path.relative(FIXTURES, file);
    // A file that does not parse has no tree to splice into: every edit of it is a full parse.
    if (createSourceFile(file, host.readFile(file) as string).syntaxErrors.length > 0) continue;
    it(`matches a full analysis after each body edit of ${name}`, () => {
      const original = host.readFile(file) as string;
      const incremental = new ProjectAnalyzer();
      const reference = new ProjectAnalyzer();
      const full = (text: string): string[] => {
        reference.invalidate([file]);
        reference.host.openTexts.set(file, text);
        return canonical(reference.analyzeMany([file], DEFAULT_SETTINGS, undefined)[0]);
      };
      const withReuse = (text: string): FileAnalysis => {
        incremental.host.openTexts.set(file, text);
        return incremental.analyze(file, DEFAULT_SETTINGS, undefined);
      };
      const originalFindings = full(original);
      withReuse(original);
      for (const [start, end] of bodiesOf(original)) {
        const emptied = original.slice(0, start) + original.slice(end);
        const afterEmptying = withReuse(emptied);
        const line = original.slice(0, start).split('\n').length;
        edits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) scopedRuns++;
        assert.deepEqual(canonical(afterEmptying), full(emptied), `findings differ after emptying the body at line ${line}`);
        const afterRestoring = withReuse(original);
        assert.deepEqual(canonical(afterRestoring), originalFindings, `findings differ after restoring the body at line ${line}`);
        // A statement being typed (a syntax error inside the body), completed, and removed.
        const halfTyped = `${original.slice(0, start)}\n        uint256 probe = ${original.slice(start)}`;
        const afterHalfTyped = withReuse(halfTyped);
        brokenEdits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) scopedBrokenRuns++;
        assert.deepEqual(canonical(afterHalfTyped), full(halfTyped), `findings differ after a half-typed statement at line ${line}`);
        const typed = `${original.slice(0, start)}\n        uint256 probe = 1;${original.slice(start)}`;
        assert.deepEqual(canonical(withReuse(typed)), full(typed), `findings differ after completing the statement at line ${line}`);
        assert.deepEqual(canonical(withReuse(original)), originalFindings, `findings differ after removing the statement at line ${line}`);
        // A comment in the body (an `// expect:` annotation, say) edited: the tree is moved, nothing converted.
        const comment = original.indexOf('//', start);
        if (comment < 0 || comment >= end) continue;
        const commented = `${original.slice(0, comment + 2)} edited${original.slice(comment + 2)}`;
        const afterComment = withReuse(commented);
        commentEdits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) scopedCommentRuns++;
        assert.deepEqual(canonical(afterComment), full(commented), `findings differ after editing the comment at line ${original.slice(0, comment).split('\n').length}`);
        withReuse(original);
      }
      // A state variable renamed (its readers now name nothing) and back: an edit of one member outside any body.
      for (const nameEnd of stateVariableNamesOf(original)) {
        const renamed = `${original.slice(0, nameEnd)}Renamed${original.slice(nameEnd)}`;
        const line = original.slice(0, nameEnd).split('\n').length;
        const afterRenaming = withReuse(renamed);
        memberEdits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) scopedMemberRuns++;
        assert.deepEqual(canonical(afterRenaming), full(renamed), `findings differ after renaming the state variable at line ${line}`);
        assert.deepEqual(canonical(withReuse(original)), originalFindings, `findings differ after renaming back the state variable at line ${line}`);
      }
      // Typing at the end of a comment outside every item: the words the rules' text pre-filters look for, the notes
      // upgradeable-constructor and unused-state read above a member (they stop at the contract's brace, so they
      // declare no readsComments), and a bidi control character (rtlo reads comments).
      for (const commentEnd of outsideCommentEndsOf(original)) {
        const commented = `${original.slice(0, commentEnd)} origin keccak256 ecrecover oz-upgrades-unsafe-allow deprecated \u202e${original.slice(commentEnd)}`;
        const line = original.slice(0, commentEnd).split('\n').length;
        const afterComment = withReuse(commented);
        outsideEdits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) keptOutsideRuns++;
        assert.deepEqual(canonical(afterComment), full(commented), `findings differ after editing the comment at line ${line}`);
        assert.deepEqual(canonical(withReuse(original)), originalFindings, `findings differ after restoring the comment at line ${line}`);
      }
      // A space in a contract's header (its layout), and a comment line above its first member (the words the
      // pre-filters and the member notes look for; it re-runs every rule).
      for (const { nameEnd, firstMember } of contractsOf(original)) {
        const line = original.slice(0, nameEnd).split('\n').length;
        const spaced = `${original.slice(0, nameEnd)} ${original.slice(nameEnd)}`;
        assert.deepEqual(canonical(withReuse(spaced)), full(spaced), `findings differ after a space in the header of the contract at line ${line}`);
        layoutEdits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) scopedLayoutRuns++;
        assert.deepEqual(canonical(withReuse(original)), originalFindings, `findings differ after restoring the contract at line ${line}`);
        if (firstMember === undefined) continue;
        const noted = `${original.slice(0, firstMember)}    // deprecated, storage layout, origin keccak256 oz-upgrades-unsafe-allow \u202e\n${original.slice(firstMember)}`;
        assert.deepEqual(canonical(withReuse(noted)), full(noted), `findings differ after a comment in the contract at line ${line}`);
        assert.deepEqual(canonical(withReuse(original)), originalFindings, `findings differ after removing the comment in the contract at line ${line}`);
      }
      // A header edit changing how contracts relate (bases removed or added, the name changed) and back.
      for (const { label, at, removed, inserted } of headerEditsOf(original)) {
        const edited = `${original.slice(0, at)}${inserted}${original.slice(at + removed)}`;
        const afterEdit = withReuse(edited);
        headerEdits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) scopedHeaderRuns++;
        assert.deepEqual(canonical(afterEdit), full(edited), `findings differ after ${label}`);
        assert.deepEqual(canonical(withReuse(original)), originalFindings, `findings differ after undoing ${label}`);
      }
      // The pragma's constraint rewritten and back.
      const pragma = /^pragma solidity ([^;]*);/m.exec(original);
      for (const constraint of pragma ? PRAGMA_CONSTRAINTS : []) {
        const at = (pragma as RegExpExecArray).index + 'pragma solidity '.length;
        const rewritten = `${original.slice(0, at)}${constraint}${original.slice(at + (pragma as RegExpExecArray)[1].length)}`;
        const afterPragma = withReuse(rewritten);
        outsideEdits++;
        if (incremental.findingReuse.lastScopedRules.length > 0) keptOutsideRuns++;
        assert.deepEqual(canonical(afterPragma), full(rewritten), `findings differ after rewriting the pragma to ${constraint}`);
        assert.deepEqual(canonical(withReuse(original)), originalFindings, `findings differ after restoring the pragma from ${constraint}`);
      }
    });
  }

  it('re-ran scoped rules over the edited region only, in most edits', () => {
    // Guards the test itself: if reuse never happened (say, no edit could be spliced), the comparisons above
    // proved nothing. A body sharing its last line with other code is parsed in full, and compared all the same.
    assert.ok(scopedRuns >= 0.9 * edits, `only ${scopedRuns} of ${edits} edits reused findings`);
    // A syntax error inside one body is spliced like any body edit.
    assert.ok(brokenEdits > 500 && scopedBrokenRuns >= 0.8 * brokenEdits, `only ${scopedBrokenRuns} of ${brokenEdits} half-typed statements reused findings`);
    assert.ok(commentEdits > 50 && scopedCommentRuns >= 0.9 * commentEdits, `only ${scopedCommentRuns} of ${commentEdits} comment edits reused findings`);
    // A library's member, or a line shared with another declaration, re-runs every rule: most renames still reuse.
    assert.ok(memberEdits > 50 && scopedMemberRuns >= 0.5 * memberEdits, `only ${scopedMemberRuns} of ${memberEdits} state variable edits reused findings`);
    assert.ok(layoutEdits > 100 && scopedLayoutRuns >= 0.9 * layoutEdits, `only ${scopedLayoutRuns} of ${layoutEdits} spaces in a contract header kept findings`);
    // A header edit re-runs the rules over the contracts related to the edited one before or after it: in most
    // fixtures not all of them.
    assert.ok(headerEdits > 300 && scopedHeaderRuns >= 0.5 * headerEdits, `only ${scopedHeaderRuns} of ${headerEdits} header edits reused findings`);
    // A comment outside every item, or the pragma: a rule with a finding on the edited text runs in full, the others keep theirs.
    assert.ok(outsideEdits > 300 && keptOutsideRuns >= 0.9 * outsideEdits, `only ${keptOutsideRuns} of ${outsideEdits} comment and pragma edits kept findings`);
  });
});
