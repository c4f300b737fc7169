/**
 * The document's header: its title and the short lines under it (subtitle,
 * period, "DRAFT"), its vision, the area a local strategy covers, and
 * whether it is a local strategy or a national framework.
 */
import type { Block } from '../layout/blocks.js';
import { TOPIC_WORDS } from './vocabulary.js';

export type DocumentKind = 'strategy' | 'framework';
export type StatusWord = 'draft' | 'consultation' | 'final' | 'published';

export interface Header {
  title: string;
  /** Lines under the title kept as they are (subtitles). */
  subtitles: string[];
  status?: StatusWord;
  /** The words the status came from, when they say more than the keyword. */
  statusWords?: string;
  period?: { start: string; end: string };
  vision?: string;
  area?: string;
  /** The heading level of the title (0 when it was a plain or bold line). */
  titleLevel: number;
}

export interface HeaderResult {
  readonly header: Header;
  /** The blocks after the header. */
  readonly rest: Block[];
}

const STATUS = /^(?:(consultation)\s+)?(draft|consultation|final|published)(?:\s+(?:version|copy|for consultation))?$/i;
const VISION = /^(?:our\s+)?vision\s*[:–—-]\s*(.+)$/i;
/** A vision's heading on a line of its own ("OUR VISION", "Our shared vision for 2030"), its statement below it. */
const VISION_HEADING = /^(?:our\s+)?(?:shared\s+|joint\s+)?vision(?:\s+for\s+[\p{L}\p{N} ]{1,40})?:?$/iu;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function isShortLine(b: Block): b is Extract<Block, { kind: 'paragraph' }> {
  return b.kind === 'paragraph' && b.footnote === undefined && words(b.text).length <= 12 && !/[.;]$/.test(b.text) && !b.text.endsWith(':');
}

function statusOf(text: string): { status: StatusWord; words: string } | undefined {
  const m = STATUS.exec(text.trim());
  if (!m) return undefined;
  const status = (m[1] ? 'consultation' : m[2]!.toLowerCase()) as StatusWord;
  return { status, words: text.trim() };
}

/** A span of years in a title or subtitle: "2010 – 2013", "2022-2027", "2019-24". */
export function periodOf(text: string): { start: string; end: string } | undefined {
  const m = /\b((?:19|20)\d{2})\s*(?:[-–—]|to)\s*((?:19|20)?\d{2})\b(?!\/)/i.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (end <= start || end - start > 20) return undefined;
  return { start: String(start), end: String(end) };
}

/**
 * The place a local strategy covers: the proper nouns its title opens with
 * ("Kent and Medway", "Gloucestershire"), if the body names them again.
 */
export function areaOf(title: string, body: string): string | undefined {
  const tokens = title.replace(/[–—:,]/g, ' ').split(/\s+/).filter(Boolean);
  const taken: string[] = [];
  for (const t of tokens) {
    const bare = t.replace(/[^\p{L}'’-]/gu, '');
    if (!bare) break;
    const lower = bare.toLowerCase();
    if (taken.length > 0 && (lower === 'and' || lower === 'of' || lower === '&')) {
      taken.push(t);
      continue;
    }
    if (!/^\p{Lu}/u.test(bare) || TOPIC_WORDS.has(lower)) break;
    taken.push(bare);
  }
  while (taken.length > 0 && /^(?:and|of|&)$/i.test(taken[taken.length - 1]!)) taken.pop();
  if (taken.length === 0) return undefined;
  const area = taken.join(' ');
  const mentions = body.split(area).length - 1;
  return mentions >= 2 ? area : undefined;
}

/** Words of national plans: departments, the national targets regime, the country as a whole. */
const NATIONAL = /\b(?:departmental|cross[- ]government|government departments?|whitehall|all departments|PSAs?|public service agreements?|our borders|nationwide|across the country|every local area|local areas)\b/gi;
/** Words of local strategies: the council, the local partnership, "our county". */
const LOCAL = /\b(?:county|borough|district|city council|local authority|LAA|CDRPs?|our area|partnership board|local partnership|our (?:city|town|county|borough|district))\b/gi;

/**
 * Local strategy or national framework. A document that names its area is
 * local; otherwise it is national only when it speaks more like a national
 * plan than a local one, since most documents converted are local.
 */
export function documentKindOf(header: Header, body: string, forced?: DocumentKind): DocumentKind {
  if (forced) return forced;
  if (header.area) return 'strategy';
  const national = (body.match(NATIONAL) ?? []).length;
  const local = (body.match(LOCAL) ?? []).length;
  return national > local ? 'framework' : 'strategy';
}

/** The statement under a vision's heading: one paragraph of a sentence or a few. */
function visionBelow(heading: Block, next: Block | undefined): string | undefined {
  if ((heading.kind !== 'heading' && heading.kind !== 'paragraph') || !VISION_HEADING.test(heading.text.trim())) return undefined;
  if (next?.kind !== 'paragraph' || next.note) return undefined;
  const count = words(next.text).length;
  return count >= 3 && count <= 80 ? next.text.trim() : undefined;
}

/**
 * Takes the title (the first heading or short line), then the short lines
 * under it, a status word and a vision statement. `opensConstruct`: whether
 * a line names a priority, commitment or the like (those start the body).
 */
export function readHeader(blocks: readonly Block[], bodyText: string, opensConstruct: (text: string) => boolean = () => false): HeaderResult {
  let i = 0;
  let title: string | undefined;
  let titleLevel = 0;
  let status: { status: StatusWord; words: string } | undefined;
  const subtitles: string[] = [];
  let vision: string | undefined;

  for (; i < blocks.length && title === undefined; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph') {
      const s = statusOf(b.text);
      if (s && !status) {
        status = s;
        continue;
      }
      if (words(b.text).length <= 20) {
        title = b.text;
        continue;
      }
    } else if (b.kind === 'heading') {
      const s = statusOf(b.text);
      if (s && !status) {
        status = s;
        continue;
      }
      title = b.text;
      titleLevel = b.level;
      continue;
    }
    // The document opens with something that is not a title: it has none.
    break;
  }
  if (title === undefined) {
    i = 0;
    title = 'Untitled document';
  }
  // "Shared research and innovation strategy:" over "2020 – 2030": a title that ends in a colon goes on below.
  const after = blocks[i];
  if (/[:–—-]$/.test(title.trim()) && after && (after.kind === 'paragraph' || after.kind === 'heading') && words(after.text).length <= 12) {
    title = `${title.trim()} ${after.text.trim()}`;
    i++;
  }
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    // "Our vision" (a heading or a line) under the title, over the statement: the body starts after it.
    const statement = vision ? undefined : visionBelow(b, blocks[i + 1]);
    if (statement) {
      vision = statement;
      i += 2;
      break;
    }
    if (b.kind === 'paragraph') {
      const s = statusOf(b.text);
      if (s && !status) {
        status = s;
        continue;
      }
      const v = VISION.exec(b.text);
      if (v && !vision) {
        vision = v[1]!.trim();
        continue;
      }
      // "Objective 1: Reduce admissions" under the title opens the body; it is not a subtitle.
      if (isShortLine(b) && subtitles.length < 3 && !b.strong && !opensConstruct(b.text)) {
        subtitles.push(b.text);
        continue;
      }
    }
    break;
  }
  const header: Header = {
    title,
    subtitles,
    titleLevel,
    ...(status ? { status: status.status, ...(status.words.toLowerCase() !== status.status ? { statusWords: status.words } : {}) } : {}),
    ...(vision ? { vision } : {}),
  };
  const period = periodOf(title) ?? subtitles.map(periodOf).find(Boolean);
  if (period) header.period = period;
  const area = areaOf(title, bodyText);
  if (area) header.area = area;
  return { header, rest: blocks.slice(i) };
}
