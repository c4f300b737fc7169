/** Finding places in fixture texts, and applying the server's edits as a client would. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** The position of the `occurrence`-th `needle` in `text`, moved `delta` characters along. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${occurrence})`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

export function lineOf(text: string, needle: string, occurrence = 0): number {
  return positionOf(text, needle, 0, occurrence).line;
}

export function textAt(text: string, range: Range): string {
  const doc = TextDocument.create('file:///x', 'strategy', 0, text);
  return doc.getText(range);
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'strategy', 0, text), [...edits]);
}

/** The edits a workspace edit makes to one document. */
export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}
