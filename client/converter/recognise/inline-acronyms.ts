/**
 * Acronyms a document defines where it first uses them: "… the Community
 * Drugs Partnership (CDP) …". The words before the brackets whose initials
 * spell the acronym are its meaning; anything else in brackets ("(2019)",
 * "(see below)", "(CDP) and …" with no matching words) is left alone.
 */
import { FUNCTION_WORDS } from './vocabulary.js';

const IN_BRACKETS = /\(([A-Z][A-Za-z&]{1,9})\)/g;

function capitals(acronym: string): string[] {
  return [...acronym.replace(/[^A-Z]/g, '')];
}

/** The definition in `text` ending just before `at` (the opening bracket), if its words spell `acronym`. */
function meaningBefore(text: string, at: number, acronym: string): string | undefined {
  const letters = capitals(acronym);
  if (letters.length < 2) return undefined;
  const words = text.slice(0, at).trimEnd().split(/\s+/);
  let k = letters.length - 1;
  let i = words.length - 1;
  const taken: string[] = [];
  for (; i >= 0 && k >= 0 && taken.length <= letters.length * 2 + 2; i--) {
    const word = words[i]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (!word) break;
    const initial = word.charAt(0).toUpperCase();
    if (initial === letters[k] && /^\p{Lu}/u.test(word)) {
      taken.unshift(words[i]!);
      k--;
      // A compound ("Health-care") may give two letters.
      continue;
    }
    if (FUNCTION_WORDS.has(word.toLowerCase()) && taken.length > 0) {
      taken.unshift(words[i]!);
      continue;
    }
    break;
  }
  if (k >= 0 || taken.length === 0) return undefined;
  return taken.join(' ').replace(/^[^\p{L}]+|[,;:]+$/gu, '');
}

/** Each acronym the text defines inline, with its meaning, first definition first. */
export function inlineAcronyms(text: string): { term: string; meaning: string }[] {
  const out = new Map<string, string>();
  for (const m of text.matchAll(IN_BRACKETS)) {
    const term = m[1]!;
    if (out.has(term)) continue;
    const meaning = meaningBefore(text, m.index!, term);
    if (meaning) out.set(term, meaning);
  }
  return [...out].map(([term, meaning]) => ({ term, meaning }));
}
