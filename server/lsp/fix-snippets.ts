/**
 * Quick fixes that insert a value to fill ("Insert an owner" writes
 * `owner ""`, "Add GSSCP to the glossary" writes `GSSCP ""`) leave the
 * cursor in the blank. The rules' edits stay plain text (they are what
 * `--fix` applies); here, on the way to the editor, each empty string they
 * insert becomes a snippet tab stop: a LSP 3.18 `SnippetTextEdit` where the
 * client takes snippet edits, else the plain edit with a follow-up command
 * that puts the cursor in the first blank.
 */
import type { Position, Range, SnippetTextEdit, TextEdit } from 'vscode-languageserver';

/** `""` in inserted text: the blank a user is to fill. */
const BLANK = '""';

/** Escapes what a snippet would read as syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Whether any edit inserts a blank to fill. */
export function hasBlank(edits: readonly TextEdit[]): boolean {
  return edits.some((e) => e.newText.includes(BLANK));
}

/**
 * An editor inserting a snippet re-indents its second and later lines by the
 * indentation of the line it is inserted on (up to the insertion point), as
 * for a snippet typed there. The rules' edits are already indented, so that
 * indentation is taken off first; an edit whose lines do not carry it cannot
 * be a snippet (undefined).
 */
function withoutLineIndent(newText: string, indent: string): string | undefined {
  if (indent === '') return newText;
  const [first, ...rest] = newText.split('\n');
  const out = [first!];
  for (const line of rest) {
    if (line.startsWith(indent)) out.push(line.slice(indent.length));
    else if (line.trim() === '') out.push(line.replace(/^[ \t]*/, ''));
    else return undefined;
  }
  return out.join('\n');
}

/**
 * The edits as snippet edits, blanks numbered in document order (the first
 * becomes `$1`, so the cursor lands there; the last stop is the final one);
 * undefined when one of them cannot be written as a snippet.
 */
export function toSnippetEdits(text: string, edits: readonly TextEdit[]): SnippetTextEdit[] | undefined {
  const starts = lineStartsOf(text);
  const ordered = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  let stop = 0;
  const out: SnippetTextEdit[] = [];
  for (const e of ordered) {
    const lineStart = starts[e.range.start.line] ?? text.length;
    const before = text.slice(lineStart, lineStart + e.range.start.character);
    const body = withoutLineIndent(e.newText, /^[ \t]*/.exec(before)![0]);
    if (body === undefined) return undefined;
    out.push({ range: e.range, snippet: { kind: 'snippet', value: body.split(BLANK).map(escapeSnippet).join('\u0000').replace(/\u0000/g, () => `"$${++stop}"`) } });
  }
  return out;
}

function offsetIn(text: string, lineStarts: readonly number[], p: Position): number {
  return Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Where the first blank the edits insert sits once they are applied to `text` (for the follow-up command). */
export function firstBlankAfter(text: string, edits: readonly TextEdit[]): Position | undefined {
  const starts = lineStartsOf(text);
  const ordered = edits
    .map((e) => ({ start: offsetIn(text, starts, e.range.start), end: offsetIn(text, starts, e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start);
  let shift = 0;
  let found: number | undefined;
  for (const e of ordered) {
    const at = e.newText.indexOf(BLANK);
    if (at >= 0) {
      found = e.start + shift + at + 1;
      break;
    }
    shift += e.newText.length - (e.end - e.start);
  }
  if (found === undefined) return undefined;
  let result = text;
  for (const e of [...ordered].reverse()) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  const before = result.slice(0, found);
  const line = before.split('\n').length - 1;
  return { line, character: found - (before.lastIndexOf('\n') + 1) };
}

/** The range a follow-up command selects: the empty range inside the blank. */
export function caretRange(at: Position): Range {
  return { start: at, end: at };
}
