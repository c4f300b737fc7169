/**
 * Applying fixes: text edits, and the one rule for combining rules' fixes
 * that `strategy lint --fix` and the editor's "fix all" share.
 */
import type { Finding, Fix, TextEdit } from '../rules/rule.js';

/** Fixes may enable further fixes; this many passes is plenty and guards against a fix that never settles. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies edits that do not overlap; an edit that overlaps one already taken
 * is skipped and returned, to be retried on a later pass.
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

/**
 * The safe fixes of one pass: a fix applies whole or not at all, so fixes are
 * taken in document order while their edits stay clear of those taken.
 */
export function compatibleFixes(findings: readonly Finding[]): Fix[] {
  const fixes = findings.map((f) => f.fix).filter((f): f is Fix => f !== undefined && f.edits.length > 0);
  const taken: Fix[] = [];
  const occupied: [number, number][] = [];
  for (const fix of fixes.sort((a, b) => a.edits[0]!.range.start.offset - b.edits[0]!.range.start.offset)) {
    const clash = fix.edits.some((e) => occupied.some(([s, t]) => (e.range.start.offset < t && e.range.end.offset > s) || e.range.start.offset === s));
    if (clash) continue;
    taken.push(fix);
    for (const e of fix.edits) occupied.push([e.range.start.offset, e.range.end.offset]);
  }
  return taken;
}

/** One pass of `--fix`: the text with every compatible safe fix of `findings` applied. */
export function applySafeFixes(text: string, findings: readonly Finding[]): string {
  return applyEdits(text, compatibleFixes(findings).flatMap((f) => f.edits)).text;
}
