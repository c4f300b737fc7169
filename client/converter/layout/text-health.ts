/**
 * The source's text itself, before anything is recognised: control
 * characters (which a `.strategy` string cannot hold and no reader should
 * see) are removed, and what looks damaged is reported rather than passed
 * on silently: glyphs a font maps to private-use code points, letters of a
 * broken font encoding inside ordinary words, words whose runs were glued
 * together, and characters the decoder could not read.
 */
import type { Block, Cell } from './blocks.js';

// C0 and C1 controls except tab and line feed, and the byte-order mark.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g;

function clean(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\u000b' || c === '\u000c' ? ' ' : ''));
}

function cleanCell(cell: Cell): Cell {
  return { ...cell, text: clean(cell.text), paragraphs: cell.paragraphs.map(clean), items: cell.items.map(clean) };
}

/** The blocks with control characters removed from every text. */
export function withoutControls(blocks: readonly Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, text: clean(b.text) };
      case 'list':
        return { ...b, items: b.items.map((it) => ({ ...it, text: clean(it.text) })) };
      case 'table':
        return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(cleanCell) })) };
      case 'break':
        return b;
    }
  });
}

const PRIVATE_USE = /[\ue000-\uf8ff]/gu;
/** An ordinary word with a letter from Latin Extended or the replacement character inside it: "Ţhe", "healţh". */
const BROKEN_GLYPH_WORD = /[A-Za-z]*[\u0100-\u024f][A-Za-z]*/gu;
/** Words run together where the page had no space: "87,000current", "healthcareWithin". */
const GLUED = /\b\d{1,3}(?:,\d{3})+[a-z]{3,}\b|\b[a-z]{4,}[A-Z][a-z]{3,}\b/g;

function examples(found: readonly string[]): string {
  return [...new Set(found)]
    .slice(0, 3)
    .map((w) => `"${w}"`)
    .join(', ');
}

/** Warnings about the source text, in words a reader can act on; none when it looks sound. */
export function textWarnings(text: string): string[] {
  const warnings: string[] = [];
  const privateUse = text.match(PRIVATE_USE) ?? [];
  if (privateUse.length > 0) {
    const codes = [...new Set(privateUse)].slice(0, 3).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    warnings.push(`${privateUse.length} private-use characters (${codes.join(', ')}): the source's font maps these glyphs privately; check its symbols and bullets.`);
  }
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const broken = (text.match(BROKEN_GLYPH_WORD) ?? []).filter((w) => /[A-Za-z]/.test(w));
  // A language written in those letters uses them in most words; a broken encoding sprinkles them into English.
  if (broken.length >= 3 && broken.length * 40 < letters) {
    warnings.push(`${broken.length} words hold letters that look like a broken font encoding (${examples(broken)}): compare them with the source.`);
  }
  const undecoded = (text.match(/\ufffd/g) ?? []).length;
  if (undecoded > 0) warnings.push(`${undecoded} characters could not be decoded (shown as U+FFFD): the source may not be UTF-8.`);
  const glued = text.match(GLUED) ?? [];
  if (glued.length >= 3) warnings.push(`${glued.length} places where words look run together (${examples(glued)}): the source may have lost spaces between its runs of text.`);
  return warnings;
}
