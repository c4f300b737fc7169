/**
 * Glossaries and acronym tables: two columns (term, meaning), or the
 * newspaper layout of four (term, meaning, term, meaning) read column by
 * column, or "TERM – meaning" lines.
 */
import type { ListBlock, ParagraphBlock, TableBlock } from '../layout/blocks.js';
import { glossaryEntryFrom, isTerm } from './entries.js';

export interface GlossaryEntry {
  readonly term: string;
  readonly meaning: string;
}

const HEADER = /^(?:acronyms?|abbreviations?|terms?|words?|short ?forms?|definitions?|meanings?|full (?:name|form|title)s?|descriptions?|explanations?)$/i;

/** The entries of a glossary table, or undefined when its cells do not pair terms with meanings. */
export function glossaryFromTable(table: TableBlock): GlossaryEntry[] | undefined {
  let rows = table.rows;
  if (rows.length > 0 && rows[0]!.cells.every((c) => HEADER.test(c.text.trim()) || !c.text.trim())) rows = rows.slice(1);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  if (width < 2 || width % 2 !== 0) return undefined;
  const columns: GlossaryEntry[][] = [];
  let pairs = 0;
  let termLike = 0;
  for (let pair = 0; pair < width / 2; pair++) {
    const entries: GlossaryEntry[] = [];
    for (const r of rows) {
      const term = r.cells[pair * 2]?.text.trim() ?? '';
      const meaning = r.cells[pair * 2 + 1]?.text.trim() ?? '';
      if (!term && !meaning) continue;
      pairs++;
      if (isTerm(term)) termLike++;
      entries.push({ term, meaning });
    }
    columns.push(entries);
  }
  if (pairs === 0 || termLike / pairs < 0.7) return undefined;
  // Read down the first pair of columns, then down the next: the order the page is read in.
  return columns.flat().filter((e) => e.term);
}

export function glossaryFromList(list: ListBlock): { entries: GlossaryEntry[]; rest: string[] } {
  const entries: GlossaryEntry[] = [];
  const rest: string[] = [];
  for (const item of list.items) {
    const e = glossaryEntryFrom(item.text);
    if (e) entries.push(e);
    else rest.push(item.text);
  }
  return { entries, rest };
}

export function glossaryFromParagraph(p: ParagraphBlock): GlossaryEntry | undefined {
  return glossaryEntryFrom(p.text);
}
