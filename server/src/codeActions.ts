// Quick fixes for findings, built only from the findings stored for the document's current version:
// the rule's fix (preferred) and suggestions, "Disable <rule> for this line / file", and the rule's docs.
// Providers are a list so other layers (the AI layer, issue 4) can add actions without touching these.

import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FindingStore, StoredFinding } from './findingStore';
import { DIAGNOSTIC_SOURCE, type DiagnosticKey } from './findingToDiagnostic';
import { Commands } from 'sol-audit-protocol';
import { disableForFileEdit, disableForLineEdit } from './suppressionEdits';
import type { LspTextEdit } from './workerMessages';

export interface FindingActionContext {
  document: TextDocument;
  stored: StoredFinding;
  diagnostic: Diagnostic;
}

export type FindingActionProvider = (context: FindingActionContext) => CodeAction[];

function versionedEdit(document: TextDocument, edits: LspTextEdit[]): CodeAction['edit'] {
  return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
}

const fixActions: FindingActionProvider = ({ document, stored, diagnostic }) => {
  // Skip fixes of findings moved by later edits: their offsets point into text that no longer exists.
  if (stored.moved) return [];
  const out: CodeAction[] = [];
  if (stored.fix) {
    out.push({ title: stored.fix.description, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: versionedEdit(document, stored.fix.edits) });
  }
  for (const suggestion of stored.suggestions) {
    out.push({ title: suggestion.description, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: versionedEdit(document, suggestion.edits) });
  }
  return out;
};

const suppressionActions: FindingActionProvider = ({ document, stored, diagnostic }) => {
  const { ruleId } = stored.finding;
  // Syntax errors cannot be suppressed: code that does not parse is not analysed.
  if (ruleId === 'syntax-error') return [];
  return [
    { title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: versionedEdit(document, [disableForLineEdit(document, stored.range.start.line, ruleId)]) },
    { title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: versionedEdit(document, [disableForFileEdit(document, ruleId)]) },
  ];
};

const documentationAction: FindingActionProvider = ({ stored, diagnostic }) => [
  {
    title: `Show documentation for ${stored.finding.ruleId}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: `Show documentation for ${stored.finding.ruleId}`, command: Commands.showRuleDocumentation, arguments: [stored.finding.ruleId] },
  },
];

/** The static findings' own actions; the server state adds the AI layer's ("Explain with AI") after them. */
export const FINDING_ACTIONS: readonly FindingActionProvider[] = [fixActions, suppressionActions, documentationAction];

export function codeActionsFor(params: CodeActionParams, document: TextDocument, store: FindingStore, providers: readonly FindingActionProvider[]): CodeAction[] {
  const record = store.at(document.uri, document.version);
  if (!record) return [];
  const out: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const key = diagnostic.data as DiagnosticKey | undefined;
    const stored =
      record.findings.find((f) => f.id === key?.findingId) ??
      // Clients that do not round-trip `data`: match by rule and start position.
      record.findings.find((f) => f.finding.ruleId === diagnostic.code && f.range.start.line === diagnostic.range.start.line && f.range.start.character === diagnostic.range.start.character);
    if (!stored) continue;
    for (const provider of providers) out.push(...provider({ document, stored, diagnostic }));
  }
  return out;
}
