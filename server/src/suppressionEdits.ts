// Edits that add `sol-audit-disable-next-line` / `sol-audit-disable-file` comments, reusing an existing
// directive of the same kind so that repeated "disable" actions do not stack comment lines.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspTextEdit } from './workerMessages';

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** The line break of `line`, else the document's first: an inserted comment line ends like the lines around it. */
function lineBreakAt(doc: TextDocument, line: number): string {
  const own = /\r\n$|\n$|\r$/.exec(doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
  return own?.[0] ?? /\r\n|\n|\r/.exec(doc.getText())?.[0] ?? '\n';
}

/** Appends the rule to a directive line, or returns undefined when the line is not such a directive. */
function extendDirective(doc: TextDocument, line: number, kind: 'next-line' | 'file', ruleId: string): LspTextEdit | undefined {
  const text = lineText(doc, line);
  const match = new RegExp(`^\\s*//\\s*sol-audit-disable-${kind}\\b(.*)$`).exec(text);
  // Skip directives with a "--" reason: the ids must stay before it, and rewriting free text is not ours to do.
  if (!match || match[1].includes('--')) return undefined;
  const ids = match[1].split(/[\s,]+/).filter(Boolean);
  // An empty id list already disables every rule.
  if (ids.length === 0 || ids.includes(ruleId)) return { range: { start: { line, character: text.length }, end: { line, character: text.length } }, newText: '' };
  const trimmedEnd = text.trimEnd().length;
  return { range: { start: { line, character: trimmedEnd }, end: { line, character: text.length } }, newText: ` ${ruleId}` };
}

export function disableForLineEdit(doc: TextDocument, line: number, ruleId: string): LspTextEdit {
  if (line > 0) {
    const extended = extendDirective(doc, line - 1, 'next-line', ruleId);
    if (extended) return extended;
  }
  const indent = /^\s*/.exec(lineText(doc, line))?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// sol-audit-disable-next-line ${ruleId}${lineBreakAt(doc, line)}` };
}

export function disableForFileEdit(doc: TextDocument, ruleId: string): LspTextEdit {
  for (let line = 0; line < Math.min(doc.lineCount, 20); line++) {
    const extended = extendDirective(doc, line, 'file', ruleId);
    if (extended) return extended;
  }
  // Below the SPDX line, which tools expect first.
  const line = /SPDX-License-Identifier/.test(lineText(doc, 0)) ? 1 : 0;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `// sol-audit-disable-file ${ruleId}${lineBreakAt(doc, line)}` };
}
