/**
 * What stands at a position of a document, in the language's terms: a
 * reference to national action 40, the declaration of aim PC.1, an indicator,
 * an acronym, a keyword. Hover, definition, references and rename all start
 * here, so they agree on what the user pointed at.
 */
import {
  keywordInfo,
  type Comment,
  type Identifier,
  type Range,
  type Statement,
  type StrategyDocument,
  type Text,
} from '../../grammar/index.js';
import { acronymOf } from '../rules/support/acronyms.js';
import { parseDirectives } from './suppressions.js';
import type { AnalysedDocument } from './document-model.js';

export type SymbolTarget =
  | { readonly kind: 'indicator'; readonly code: number; readonly range: Range }
  | { readonly kind: 'action'; readonly number: string; readonly range: Range; readonly declaration: boolean }
  | { readonly kind: 'aim'; readonly code: string; readonly range: Range; readonly declaration: boolean }
  | { readonly kind: 'framework'; readonly id: string; readonly range: Range; readonly declaration: boolean }
  | { readonly kind: 'acronym'; readonly term: string; readonly range: Range; readonly declaration: boolean }
  | { readonly kind: 'localId'; readonly node: Statement; readonly id: string; readonly range: Range }
  | { readonly kind: 'keyword'; readonly word: string; readonly range: Range }
  | { readonly kind: 'rule'; readonly id: string; readonly range: Range };

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** The last of `items` (sorted by start) whose range contains `offset`. */
function itemAt<T extends { readonly range: Range }>(items: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.range.start.offset <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // Adjacent statements can share a boundary offset; step back if the last one starting before does not reach.
  for (let i = found; i >= 0 && i >= found - 1; i--) if (contains(items[i]!.range, offset)) return items[i];
  return undefined;
}

/** The statements containing `offset`, outermost first. */
export function statementPathAt(doc: StrategyDocument, offset: number): Statement[] {
  const path: Statement[] = [];
  let items: readonly Statement[] = doc.items;
  for (;;) {
    const s = itemAt(items, offset);
    if (!s) return path;
    path.push(s);
    if (!('items' in s)) return path;
    items = s.items;
  }
}

export function commentAt(doc: StrategyDocument, offset: number): Comment | undefined {
  return itemAt(doc.comments, offset);
}

/** The run of word characters around `offset` in `text`, limited to [from, to). */
export function wordAt(text: string, offset: number, from = 0, to = text.length, pattern = /[A-Za-z0-9_&'\u2019.-]/): { word: string; start: number; end: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > from && pattern.test(text.charAt(start - 1))) start--;
  while (end < to && pattern.test(text.charAt(end))) end++;
  if (start === end) return undefined;
  return { word: text.slice(start, end), start, end };
}

function rangeOf(doc: AnalysedDocument, start: number, end: number): Range {
  return doc.parsed.lines.rangeOf(start, end);
}

/** An acronym written inside quoted text, at `offset`. */
function acronymInText(doc: AnalysedDocument, text: Text, offset: number): SymbolTarget | undefined {
  const w = wordAt(doc.text, offset, text.range.start.offset + 1, text.range.end.offset - 1, /[A-Za-z&'\u2019]/);
  if (!w) return undefined;
  const acronym = acronymOf(w.word);
  if (!acronym) return undefined;
  return { kind: 'acronym', term: acronym, range: rangeOf(doc, w.start, w.start + acronym.length), declaration: false };
}

function idTarget(id: Identifier | undefined, offset: number, make: (id: Identifier) => SymbolTarget): SymbolTarget | undefined {
  return id && contains(id.range, offset) ? make(id) : undefined;
}

/** Every quoted text of a statement (where acronyms may be written). */
function textsOf(s: Statement): Text[] {
  const out: Text[] = [];
  const add = (t: Text | undefined): void => {
    if (t) out.push(t);
  };
  if ('title' in s) add(s.title);
  if ('words' in s) add(s.words);
  if ('text' in s) add(s.text);
  if (s.kind === 'partners') {
    for (const e of s.entries) {
      add(e.name);
      add(e.role);
    }
  }
  if (s.kind === 'glossary') for (const e of s.entries) add(e.meaning);
  if (s.kind === 'owner') for (const n of s.names) if (n.quoted) add(n);
  return out;
}

function keywordAt(doc: AnalysedDocument, statement: Statement | undefined, offset: number): SymbolTarget | undefined {
  const w = wordAt(doc.text, offset, 0, doc.text.length, /[a-z]/);
  if (!w || !keywordInfo(w.word)) return undefined;
  // A keyword-looking word inside quoted text is prose, not a keyword.
  if (statement && textsOf(statement).some((t) => contains(t.range, w.start))) return undefined;
  return { kind: 'keyword', word: w.word, range: rangeOf(doc, w.start, w.end) };
}

export function symbolAt(doc: AnalysedDocument, offset: number): SymbolTarget | undefined {
  const tree = doc.parsed.document;
  const comment = commentAt(tree, offset);
  if (comment) {
    const directive = parseDirectives(doc).find((d) => d.comment === comment);
    if (!directive) return undefined;
    const w = wordAt(doc.text, offset, comment.range.start.offset, comment.range.end.offset, /[a-z-]/);
    if (!w || !directive.rules.includes(w.word)) return undefined;
    return { kind: 'rule', id: w.word, range: rangeOf(doc, w.start, w.end) };
  }
  const path = statementPathAt(tree, offset);
  const s = path[path.length - 1];
  if (!s) return undefined;
  const isFramework = doc.kind === 'framework';
  const found = ((): SymbolTarget | undefined => {
    switch (s.kind) {
      case 'action':
        return idTarget(s.id, offset, (id) => ({ kind: 'action', number: id.value, range: id.range, declaration: isFramework }));
      case 'aim':
        return idTarget(s.id, offset, (id) => ({ kind: 'aim', code: id.value, range: id.range, declaration: isFramework }));
      case 'framework':
        return idTarget(s.id, offset, (id) => ({ kind: 'framework', id: id.value, range: id.range, declaration: true }));
      case 'frameworkRef':
        for (const ref of s.refs) if (contains(ref.range, offset)) return { kind: 'framework', id: ref.value, range: ref.range, declaration: false };
        return undefined;
      case 'supports':
        for (const ref of s.refs) {
          if (!contains(ref.range, offset)) continue;
          return s.target === 'action'
            ? { kind: 'action', number: ref.value, range: ref.range, declaration: false }
            : { kind: 'aim', code: ref.value, range: ref.range, declaration: false };
        }
        return undefined;
      case 'nationalAim':
        return idTarget(s.id, offset, (id) => ({ kind: 'aim', code: id.value, range: id.range, declaration: false }));
      case 'measure':
      case 'target':
        return s.indicator && contains(s.indicator.range, offset) ? { kind: 'indicator', code: s.indicator.code, range: s.indicator.range } : undefined;
      case 'owner':
        for (const n of s.names) {
          if (!contains(n.range, offset)) continue;
          if (!n.quoted) return { kind: 'acronym', term: n.value, range: n.range, declaration: false };
        }
        return undefined;
      case 'glossary':
        for (const e of s.entries) if (contains(e.term.range, offset)) return { kind: 'acronym', term: e.term.value, range: e.term.range, declaration: true };
        return undefined;
      case 'priority':
      case 'commitment':
      case 'strategy':
        return idTarget(s.id, offset, (id) => ({ kind: 'localId', node: s, id: id.value, range: id.range }));
      default:
        return undefined;
    }
  })();
  if (found) return found;
  for (const t of textsOf(s)) if (contains(t.range, offset)) return acronymInText(doc, t, offset);
  return keywordAt(doc, s, offset);
}
