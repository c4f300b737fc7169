/**
 * Lists whose item tags were lost in an export run their items together:
 * "Reduction in illegal drug supply Low offending rates of PPO's Increased
 * disruption of drug related businesses". Items are found again where a
 * sentence ends, or where a capitalised word follows a word that can end a
 * phrase (not "of", "the", nor part of a name). When a parallel column says how many items
 * there are (one target direction per measure), the best boundaries are
 * chosen to match.
 */
import type { Cell } from '../layout/blocks.js';
import { directionWords, FUNCTION_WORDS } from './vocabulary.js';

interface Boundary {
  /** Index of the token that starts the next item. */
  readonly index: number;
  readonly score: number;
}

function boundaries(tokens: readonly string[]): Boundary[] {
  const out: Boundary[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const word = tokens[i]!;
    const before = tokens[i - 1]!;
    if (!/^\p{Lu}\p{Ll}/u.test(word)) continue;
    if (/[.!?;]$/.test(before)) {
      out.push({ index: i, score: 3 });
      continue;
    }
    const bare = before.toLowerCase().replace(/[^\p{L}]/gu, '');
    // A capitalised word after another ("Neighbourhood Policing") is one name; after an acronym ("PPO's") it starts anew.
    const partOfName = /^\p{Lu}\p{Ll}/u.test(before);
    if (FUNCTION_WORDS.has(bare) || partOfName || /[,:(–-]$/.test(before)) continue;
    out.push({ index: i, score: 1 });
  }
  return out;
}

/** Splits run-together items; with `expected`, aims for that many. */
export function splitRunTogether(text: string, expected?: number): string[] {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [];
  let cuts = boundaries(tokens);
  if (expected !== undefined && expected >= 1 && cuts.length > expected - 1) {
    // Keep the strongest boundaries, earliest first among equals, in reading order.
    cuts = [...cuts]
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, expected - 1)
      .sort((a, b) => a.index - b.index);
  }
  const items: string[] = [];
  let start = 0;
  for (const c of cuts) {
    items.push(tokens.slice(start, c.index).join(' '));
    start = c.index;
  }
  items.push(tokens.slice(start).join(' '));
  return items.map((s) => s.trim()).filter(Boolean);
}

/** The items of a table cell: its list items, its run-together list split, or its text. */
export function cellItems(cell: Cell, expected?: number): string[] {
  if (!cell.text) return [];
  const directions = directionWords(cell.text);
  if (directions && directions.length > 1) return directions;
  if (cell.runTogether) return [...cell.paragraphs, ...splitRunTogether(cell.items.join(' '), expected)];
  if (cell.items.length > 0) return [...cell.paragraphs, ...cell.items];
  return [cell.text];
}

/** How many items a cell holds, when it says so plainly (direction words, list items). */
export function plainItemCount(cell: Cell): number | undefined {
  const directions = directionWords(cell.text);
  if (directions) return directions.length;
  if (cell.items.length > 0 && !cell.runTogether) return cell.items.length;
  return undefined;
}
