// Page-side probes of the Monaco editor DOM, injected into the workbench with addInitScript. Plain
// JavaScript on purpose: it runs in the browser as written, untouched by the TypeScript loader.
// Monaco draws each line, its gutter number and its decorations (squiggles) in rows of equal `top`.

window.solAuditE2e = {
  activeEditor() {
    return document.querySelector('.editor-group-container.active .monaco-editor');
  },

  /** The `top` of the rendered row of a 1-based line, or undefined when it is not rendered. */
  rowTop(editor, line) {
    for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
      if (Number(number.textContent) === line) return number.parentElement.style.top;
    }
    return undefined;
  },

  /** Every rendered squiggle as { line, severity }, sorted by line. */
  squiggles() {
    const editor = this.activeEditor();
    if (!editor) return [];
    const lineAtTop = new Map();
    for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
      lineAtTop.set(number.parentElement.style.top, Number(number.textContent));
    }
    const found = [];
    for (const severity of ['error', 'warning', 'info', 'hint']) {
      for (const squiggle of editor.querySelectorAll(`.view-overlays .squiggly-${severity}`)) {
        const line = lineAtTop.get(squiggle.parentElement.style.top);
        if (line !== undefined) found.push({ line, severity });
      }
    }
    return found.sort((a, b) => a.line - b.line);
  },

  /** The screen rectangle of the first squiggle on a 1-based line, or null. */
  squiggleRect(line) {
    const editor = this.activeEditor();
    const top = editor && this.rowTop(editor, line);
    if (top === undefined || !editor) return null;
    for (const squiggle of editor.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
      if (squiggle.parentElement.style.top !== top) continue;
      const rect = squiggle.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    return null;
  },

  /** The text of a 1-based line as rendered, with Monaco's no-break spaces turned back into spaces. */
  lineText(line) {
    const editor = this.activeEditor();
    const top = editor && this.rowTop(editor, line);
    if (top === undefined || !editor) return null;
    for (const row of editor.querySelectorAll('.view-lines .view-line')) {
      if (row.style.top === top) return (row.textContent || '').replace(/\u00a0/g, ' ');
    }
    return null;
  },
};
