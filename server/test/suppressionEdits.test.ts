// The comment lines a "disable" action inserts end like the document's lines: a CRLF file stays CRLF.

import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { disableForFileEdit, disableForLineEdit } from '../src/suppressionEdits';

const LINES = ['// SPDX-License-Identifier: MIT', 'pragma solidity 0.8.24;', 'contract C {', '    function f() external { require(tx.origin == address(1)); }', '}'];

function apply(doc: TextDocument, edit: ReturnType<typeof disableForLineEdit>): string {
  return TextDocument.applyEdits(doc, [edit]);
}

describe('suppression edits', () => {
  for (const [name, lineBreak] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`${name}: a new directive line ends with the document's line break`, () => {
      const doc = TextDocument.create('file:///C.sol', 'solidity', 1, LINES.join(lineBreak) + lineBreak);
      const lineEdited = apply(doc, disableForLineEdit(doc, 3, 'tx-origin'));
      assert.equal(lineEdited, [...LINES.slice(0, 3), '    // sol-audit-disable-next-line tx-origin', ...LINES.slice(3)].join(lineBreak) + lineBreak);
      const fileEdited = apply(doc, disableForFileEdit(doc, 'tx-origin'));
      assert.equal(fileEdited, [LINES[0], '// sol-audit-disable-file tx-origin', ...LINES.slice(1)].join(lineBreak) + lineBreak);
    });
  }

  it('extends an existing directive above the line instead of adding one, whatever the line break', () => {
    const doc = TextDocument.create('file:///C.sol', 'solidity', 1, ['contract C {', '    // sol-audit-disable-next-line timestamp', '    function f() external {}', '}'].join('\r\n'));
    const edited = apply(doc, disableForLineEdit(doc, 2, 'tx-origin'));
    assert.equal(edited, ['contract C {', '    // sol-audit-disable-next-line timestamp tx-origin', '    function f() external {}', '}'].join('\r\n'));
  });
});
