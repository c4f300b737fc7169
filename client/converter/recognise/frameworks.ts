/**
 * Which framework a document is, or answers to. A national document gets an
 * id made from its title and first year (`drugs-2008`). A local strategy
 * answers to a framework it cites by title, among those the caller knows;
 * failing that, to a national plan it describes itself ("the Government's
 * plan … three strategic priorities: 1. Break drug supply chains – Home
 * Office and Ministry of Justice"), which is then built as a framework of
 * its own from those words.
 */
import { KEYWORDS } from '../../../grammar/index.js';
import type { KnownFramework } from '../config.js';
import type { ListBlock } from '../layout/blocks.js';
import type { DescribedFramework } from '../model.js';
import type { Header } from './header.js';
import type { Section } from './outline.js';
import { organisationsFrom } from './owners.js';
import { ORGANISATION_HEADS } from './vocabulary.js';

function normalise(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

export function slugify(text: string, maxWords = 5): string {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .map((w) => w.normalize('NFKD').replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  while (words.length > 1 && ['the', 'a', 'an'].includes(words[0]!)) words.shift();
  const slug = words.slice(0, maxWords).join('-');
  // An id must read back as one name: not a keyword, a placeholder or an indicator code.
  const readsAsName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(slug) && !KEYWORD_WORDS.has(slug) && !/^(?:x{1,4}|tbc|tbd|ni\d*)(?:-|$)/.test(slug);
  return readsAsName ? slug : `framework-${slug || 'untitled'}`;
}

const KEYWORD_WORDS: ReadonlySet<string> = new Set(KEYWORDS.map((k) => k.word));

/** `drugs-2008` for "Drugs: protecting families and communities", Action Plan 2008–2011. */
export function frameworkIdFor(header: Header): string {
  const lead = header.title.split(/:|\s[–—-]\s/)[0]!;
  const base = slugify(lead);
  const year = header.period?.start;
  return year && !base.includes(year) ? `${base}-${year}` : base;
}

function yearsNear(text: string, at: number): number[] {
  return [...text.slice(at, at + 120).matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
}

/** The known framework the text cites most, preferring one whose period holds a year cited beside the title. */
export function citedFramework(text: string, known: readonly KnownFramework[]): string | undefined {
  if (known.length === 0) return undefined;
  const haystack = normalise(text);
  let best: { id: string; score: number } | undefined;
  for (const f of known) {
    let score = 0;
    for (const name of [f.title, ...(f.aliases ?? [])]) {
      const needle = normalise(name);
      if (needle.trim().split(' ').length < 2) continue;
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        score += 10;
        if (f.period && yearsNear(haystack, at + needle.length).some((y) => y >= Number(f.period!.first.slice(0, 4)) && y <= Number(f.period!.last.slice(0, 4)))) score += 5;
      }
    }
    if (score > 0 && (!best || score > best.score)) best = { id: f.id, score };
  }
  return best?.id;
}

const OWNED_ITEM = /^(.{3,160}?)\s+[–—-]\s+(.+)$/;

function ownedItems(list: ListBlock): { number?: string; title: string; owners: string[] }[] | undefined {
  const out: { number?: string; title: string; owners: string[] }[] = [];
  for (const item of list.items) {
    const m = OWNED_ITEM.exec(item.text);
    if (!m) return undefined;
    const owners = organisationsFrom(m[2]!);
    const allBodies = owners.every((o) => ORGANISATION_HEADS.has(o.split(/\s+/)[0]!.toLowerCase()));
    if (owners.length === 0 || !allBodies) return undefined;
    out.push({ ...(item.number ? { number: item.number } : {}), title: m[1]!.trim(), owners });
  }
  return out.length >= 2 ? out : undefined;
}

function sectionText(section: Section): string {
  return section.body.map((b) => ('text' in b ? b.text : '')).join(' ');
}

/** National plans a local document describes: a heading, talk of Government or national priorities, and a list of priorities with their owners. */
export function describedFrameworks(root: Section): DescribedFramework[] {
  const found: DescribedFramework[] = [];
  const visit = (section: Section): void => {
    const heading = section.heading;
    if (heading && /\b(?:government|national)\b/i.test(sectionText(section))) {
      for (let k = 0; k < section.body.length; k++) {
        const b = section.body[k]!;
        if (b.kind !== 'list') continue;
        const lead = section.body[k - 1];
        if (!lead || !('text' in lead) || !/\b(?:priorit(?:y|ies)|aims?|objectives|themes|ambitions)\b/i.test(lead.text)) continue;
        const priorities = ownedItems(b);
        if (priorities) found.push({ id: slugify(heading.text), title: heading.text, priorities });
      }
    }
    for (const child of section.body) if (child.kind === 'section') visit(child);
  };
  visit(root);
  return found;
}
