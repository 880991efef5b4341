// The open editor buffers, kept in sync incrementally. Unlike TextDocuments it passes the raw change events
// on, because the finding store moves findings through them.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';

export interface DocumentListener {
  opened(doc: TextDocument): void;
  changed(doc: TextDocument, changes: TextDocumentContentChangeEvent[]): void;
  saved(doc: TextDocument): void;
  closed(uri: string): void;
}

export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  listen(connection: Connection, listener: DocumentListener): void {
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      const doc = TextDocument.create(t.uri, t.languageId, t.version, t.text);
      this.docs.set(t.uri, doc);
      listener.opened(doc);
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const doc = this.docs.get(textDocument.uri);
      if (!doc || textDocument.version === null) return;
      TextDocument.update(doc, contentChanges, textDocument.version);
      listener.changed(doc, contentChanges);
    });
    connection.onDidSaveTextDocument(({ textDocument }) => {
      const doc = this.docs.get(textDocument.uri);
      if (doc) listener.saved(doc);
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      this.docs.delete(textDocument.uri);
      listener.closed(textDocument.uri);
    });
  }
}
