/**
 * Document formatting with the grammar's canonical formatter (`strategy
 * format` prints the same). A document with syntax errors is left as it is:
 * the formatter prints trees, and a broken tree would lose text.
 *
 * The result is returned as the few edits that turn the text into its
 * formatted form (a line diff), not one replacement of the whole document,
 * so the editor keeps the cursor, folds and markers where they were.
 */
import { diffLines } from 'diff';
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { format, type SyntaxProblem } from '../../grammar/index.js';
import { keyOf } from './document-keys.js';
import type { Project } from './project.js';

/** Beyond this many changed lines, or this long, one replacement is cheaper than a diff. */
const MAX_DIFF_LINES = 5000;
const DIFF_TIMEOUT_MS = 50;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Edits turning `before` into `after`, line by line. */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const whole = (): TextEdit[] => [
    {
      range: { start: { line: head, character: 0 }, end: { line: a.length - tail, character: 0 } },
      newText: newMiddle.map((l) => `${l}\n`).join(''),
    },
  ];
  if (tail === 0) {
    // The last line changed (a final line break added, say): one replacement from the first
    // changed line to the end of the text. Lines before it are equal, so it starts at the same
    // offset in both texts.
    const last = a.length - 1;
    let offset = 0;
    for (let i = 0; i < head; i++) offset += a[i]!.length + 1;
    offset = Math.min(offset, before.length);
    const start = head <= last ? { line: head, character: 0 } : { line: last, character: a[last]!.length };
    return [{ range: { start, end: { line: last, character: a[last]!.length } }, newText: after.slice(offset) }];
  }
  if (oldMiddle.length + newMiddle.length > MAX_DIFF_LINES) return whole();
  const changes = diffLines(oldMiddle.map((l) => `${l}\n`).join(''), newMiddle.map((l) => `${l}\n`).join(''), { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return whole();
  const edits: TextEdit[] = [];
  let line = head;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const count = c.count ?? lineStarts(c.value).length - 1;
    if (!c.added && !c.removed) {
      line += count;
      continue;
    }
    if (c.removed) {
      const next = changes[i + 1];
      const replacement = next?.added ? next.value : '';
      if (next?.added) i++;
      edits.push({ range: { start: { line, character: 0 }, end: { line: line + count, character: 0 } }, newText: replacement });
      line += count;
    } else {
      edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: c.value });
    }
  }
  return edits;
}

/** Why a document was left unformatted, in a sentence a user can act on. */
export function notFormattedMessage(problems: readonly SyntaxProblem[]): string {
  const first = problems[0]!;
  const count = problems.length === 1 ? 'a syntax error' : `${problems.length} syntax errors`;
  return `Strategy: the document was not formatted because it has ${count} (formatting would lose text). Line ${first.range.start.line + 1}: ${first.message}`;
}

/**
 * The edits, or null for a document with syntax errors, which `explain`
 * hears about: Format Document must not silently do nothing.
 */
export function provideFormatting(project: Project, params: DocumentFormattingParams, explain?: (message: string) => void): TextEdit[] | null {
  const key = keyOf(params.textDocument.uri);
  const doc = project.analysed(key);
  if (!doc) return null;
  const result = format(doc.text);
  if (!result.ok) {
    explain?.(notFormattedMessage(result.problems));
    return null;
  }
  return lineEdits(doc.text, result.text);
}
