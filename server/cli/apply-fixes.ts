/** Applying text edits to a text: used by `--fix` and by the language server's quick fixes alike. */
import type { TextEdit } from '../rules/rule.js';

/**
 * Applies edits that do not overlap (later ones that overlap an earlier one
 * are skipped and returned, to be retried on the next pass).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  const accepted: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.range.start.offset < lastEnd) {
      skipped.push(e);
      continue;
    }
    accepted.push(e);
    lastEnd = e.range.end.offset;
  }
  let out = '';
  let cursor = 0;
  for (const e of accepted) {
    out += text.slice(cursor, e.range.start.offset) + e.newText;
    cursor = e.range.end.offset;
  }
  out += text.slice(cursor);
  return { text: out, applied: accepted.length, skipped };
}
