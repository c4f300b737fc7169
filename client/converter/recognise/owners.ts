/**
 * Owner cells and owner lists to names. "HO/MoJ" is two owners; "Cabinet
 * Office (SETF)" is one; "HO, with other relevant departments" is one,
 * since the words after the comma qualify the first owner rather than name
 * a second. Nothing is added: a piece the source wrote stays as written.
 */
import { ORGANISATION_HEADS } from './vocabulary.js';

/** Owners as an action table writes them: separated by "/" or ",". */
export function ownersFromCell(text: string): string[] {
  const pieces = text
    .split(/\s*[/,]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const p of pieces) {
    // "with other relevant departments" qualifies the owner before it.
    if (out.length > 0 && /^[a-z]/.test(p) && !/^other\b/.test(p)) out[out.length - 1] = `${out[out.length - 1]}, ${p}`;
    else out.push(p);
  }
  return out;
}

function startsWithOrganisation(piece: string): boolean {
  const first = piece.replace(/^(?:and|the)\s+/i, '').replace(/^the\s+/i, '').split(/\s+/)[0]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  return ORGANISATION_HEADS.has(first);
}

/**
 * Public bodies listed in prose: "Home Office and Ministry of Justice",
 * "Department for Culture, Media and Sport, Ministry of Justice". A comma or
 * "and" separates two bodies only when the words after it open the name of a
 * body; otherwise they belong to the name before.
 */
export function organisationsFrom(text: string): string[] {
  const pieces = text.split(/,\s+|\s+and\s+/);
  const separators = text.match(/,\s+|\s+and\s+/g) ?? [];
  const out: string[] = [];
  pieces.forEach((piece, k) => {
    const trimmed = piece.trim();
    if (!trimmed) return;
    if (out.length === 0 || startsWithOrganisation(trimmed)) {
      out.push(trimmed.replace(/^(?:and\s+)?the\s+/i, '').replace(/^and\s+/i, ''));
      return;
    }
    out[out.length - 1] = `${out[out.length - 1]}${separators[k - 1] ?? ' '}${trimmed}`;
  });
  return out.map((o) => o.trim()).filter(Boolean);
}
