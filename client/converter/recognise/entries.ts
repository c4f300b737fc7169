/**
 * One list item (or table row) read as the construct its label announced:
 * a national aim, a commitment, a measure ("NI 42 – Perceptions of …"), a
 * target, a partner ("District Councils who host …"), a glossary entry
 * ("CDRP – Crime and Disorder Reduction Partnership").
 */
import type { Node } from '../model.js';
import type { DocumentKind } from './header.js';
import { directionOf, type ListMode } from './vocabulary.js';

export interface ItemText {
  readonly text: string;
  readonly number?: string;
}

const INDICATOR = /^NI\s*-?\s*(\d{1,3})\b\s*[–—:.-]?\s*(.*)$/;

export function measureFrom(text: string): Node {
  const m = INDICATOR.exec(text.trim());
  if (m) {
    const title = m[2]!.trim();
    return { kind: 'measure', indicator: Number(m[1]), ...(title ? { title } : {}), items: [] };
  }
  return { kind: 'measure', title: text, items: [] };
}

export function targetFrom(text: string): Node {
  const direction = directionOf(text);
  return { kind: 'target', ...(direction ? { direction } : {}), words: text };
}

/** "District Councils who host the CDRPs", "Cranstoun, community treatment provider". */
export function partnerFrom(text: string): { name: string; role?: string } {
  const t = text.trim();
  const who = /^(.{2,80}?)\s+(who|which|that)\s+(.+)$/.exec(t);
  if (who && /^\p{Lu}/u.test(who[1]!)) return { name: who[1]!.replace(/[,;:]$/, ''), role: `${who[2]} ${who[3]}` };
  const described = /^(.{2,80}?)(?:,|\s[–—-])\s+(\p{Ll}.+)$/u.exec(t);
  if (described) return { name: described[1]!, role: described[2]! };
  return { name: t };
}

/** An acronym or short term, as glossaries list them. */
export function isTerm(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 24) return false;
  if (t.split(/\s+/).length > 3) return false;
  return /\p{Lu}.*\p{Lu}|^\p{Lu}{2,}/u.test(t) || /^[\p{Lu}][\p{L}&'’-]{1,}$/u.test(t);
}

/** An acronym: two capitals or more (CDRP, MoJ, DfE), as glossaries written as lines list them. */
export function isAcronym(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 12 && !/\s/.test(t) && (t.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** "CDRP – Crime and Disorder …", "CDRP: Crime and …", "CDRP = …". */
export function glossaryEntryFrom(text: string): { term: string; meaning: string } | undefined {
  const m = /^([^\s:–—=-][^:–—=]{0,23}?)\s*(?:[:=]|\s[–—-])\s*(.+)$/.exec(text.trim());
  if (!m || !isAcronym(m[1]!)) return undefined;
  return { term: m[1]!.trim(), meaning: m[2]!.trim() };
}

/** The construct an item of a list in `mode` becomes; undefined when the mode has no single-item form. */
export function itemNode(item: ItemText, mode: ListMode, kind: DocumentKind): Node | undefined {
  const text = item.text;
  switch (mode) {
    case 'nationalAims':
      return kind === 'framework' ? { kind: 'aim', ...(item.number ? { id: item.number } : {}), title: text, items: [] } : { kind: 'nationalAim', text };
    case 'aims':
      return { kind: 'aim', ...(item.number ? { id: item.number } : {}), title: text, items: [] };
    case 'commitments':
    case 'actions':
      if (kind === 'framework') {
        if (item.number && mode === 'actions') return { kind: 'action', id: item.number, text, items: [] };
        return { kind: 'aim', ...(item.number ? { id: item.number } : {}), title: text, items: [] };
      }
      return { kind: 'commitment', ...(item.number ? { id: item.number } : {}), text, items: [] };
    case 'measures':
      return measureFrom(text);
    case 'targets':
      return targetFrom(text);
    case 'notes':
      return { kind: 'note', text };
    case 'partners':
    case 'glossary':
      return undefined;
  }
}
