/**
 * Inline markup to plain text: markdown emphasis, links and escapes, and the
 * HTML fragments that exports leave inside text and table cells (`<b>`,
 * `<p>`, `<ul>`/`<li>`, `<i>`, `<sup>`). Emphasis is reported as flags
 * (whole text bold, bold lead-in) because headings and labels are often only
 * bold lines.
 */
import { Parser } from 'htmlparser2';
import type { Cell } from './blocks.js';

export interface InlineText {
  readonly text: string;
  /** All of the text was bold. */
  readonly strong: boolean;
  /** The text opens with a bold run. */
  readonly leadStrong: boolean;
}

const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/;
const ROMAN_OR_NUMBER = /^(?:\d{1,3}|[ivxlc]{1,6})$/i;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
const BULLET_GLYPHS = /^(?:[\u2022\u2023\u25aa\u25cf\u25e6\u2043\u2219\u00b7\u2713\u2714\u2611\u27a2\u25ba\u2192\-–*]\s*)+/u;

export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Removes a leading bullet glyph (•, ✓, ▪…) that a list item kept in its text. */
export function stripBullet(text: string): string {
  return text.replace(BULLET_GLYPHS, '');
}

/** How a footnote reference or ordinal in `<sup>` reads inline: `[1]`, or `3rd`. */
export function supText(content: string): string {
  const c = content.trim();
  if (ORDINAL_SUFFIX.test(c)) return c;
  if (ROMAN_OR_NUMBER.test(c)) return `[${c}]`;
  return ` ${c}`;
}

// Escaped markdown characters are parked in the private use area so that
// emphasis removal cannot mistake `\*` for markup, then restored.
const PARK = 0xe000;
function parkEscapes(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~"'])/g, (_m, c: string) => String.fromCharCode(PARK + c.charCodeAt(0)));
}
function restoreEscapes(text: string): string {
  return text.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARK));
}

function stripScheme(url: string): string {
  return url.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
}

/** `[text](url)`: the text, and the address when it says more than the text does. */
function resolveLinks(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_m, label: string, url: string) => {
      const shown = label.trim();
      if (!url || url === '#' || url.startsWith('#')) return shown;
      if (!shown || stripScheme(shown).toLowerCase() === stripScheme(url).toLowerCase()) return shown || url;
      return `${shown} (${url})`;
    })
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gi, (_m, url: string) => url);
}

const EMPHASIS = /(^|[^\w*\\])(\*{1,3}|_{1,3})(?=[^\s*_])([\s\S]*?[^\s\\])\2(?![\w*])/g;

function removeEmphasis(text: string): string {
  let previous;
  let current = text;
  do {
    previous = current;
    current = current.replace(EMPHASIS, (_m, before: string, _d: string, inner: string) => `${before}${inner}`);
  } while (current !== previous);
  // Runs of asterisks left unpaired are markup an editor broke, not text.
  return current.replace(/(^|\s)\*{2,}(?=\s|$)/g, '$1').replace(/\*{2,}$/, '').replace(/^\*{2,}/, '');
}

function isWhollyStrong(text: string): boolean {
  const t = text.trim();
  const m = /^(\*{2,3}|_{2,3})(?=\S)([\s\S]*\S)\1[.:]?$/.exec(t);
  if (!m) return false;
  // `**A** and **B**` opens and closes bold twice: not one bold run.
  return !m[2]!.includes(m[1]!.slice(0, 2));
}

/** Characters that can start markup; text without any is plain already. */
const MARKUP_CHARS = /[*_[<\\&`]/;

/** Markdown (and any inline HTML) to plain text, with emphasis flags. */
export function cleanInline(raw: string): InlineText {
  if (!MARKUP_CHARS.test(raw)) return { text: collapseSpace(raw), strong: false, leadStrong: false };
  let text = raw;
  let htmlStrong = false;
  let htmlLeadStrong = false;
  if (HTML_TAG.test(text)) {
    const cell = parseCellHtml(text);
    text = [...cell.paragraphs, ...cell.items].join(' ');
    htmlStrong = cell.strong;
    htmlLeadStrong = cell.strong || /^\s*<(?:b|strong)\b/i.test(raw);
  }
  text = parkEscapes(text.replace(/&nbsp;/g, ' '));
  const strong = htmlStrong || isWhollyStrong(text);
  const leadStrong = strong || htmlLeadStrong || /^\s*(?:\*\*|__)(?=\S)/.test(text);
  text = restoreEscapes(removeEmphasis(resolveLinks(text)));
  return { text: collapseSpace(text), strong, leadStrong };
}

// ── HTML fragments in cells ────────────────────────────────────────────────

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const STRONG_TAGS = new Set(['b', 'strong']);

/** A table cell's content (text with HTML fragments) as paragraphs and list items. */
export function parseCellHtml(raw: string): Cell {
  const paragraphs: string[] = [];
  const items: string[] = [];
  let buffer = '';
  let itemBuffer: string | undefined;
  let listDepth = 0;
  let sawList = false;
  let sawItem = false;
  let strongDepth = 0;
  let supDepth = 0;
  let supBuffer = '';
  let strongChars = 0;
  let allChars = 0;
  let runTogether = '';

  const flushParagraph = (): void => {
    const t = collapseSpace(buffer);
    if (t) paragraphs.push(t);
    buffer = '';
  };
  const append = (text: string): void => {
    const letters = text.replace(/\s/g, '').length;
    allChars += letters;
    if (strongDepth > 0) strongChars += letters;
    if (itemBuffer !== undefined) itemBuffer += text;
    else if (listDepth > 0) runTogether += text;
    else buffer += text;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (STRONG_TAGS.has(name)) strongDepth++;
        else if (name === 'sup') {
          supDepth++;
          supBuffer = '';
        } else if (name === 'ul' || name === 'ol') {
          if (listDepth === 0) flushParagraph();
          listDepth++;
          sawList = true;
        } else if (name === 'li') {
          if (listDepth === 0) flushParagraph();
          itemBuffer = '';
          sawItem = true;
        } else if (BLOCK_TAGS.has(name)) {
          if (itemBuffer !== undefined) itemBuffer += ' ';
          else if (listDepth === 0) flushParagraph();
          else runTogether += ' ';
        }
      },
      ontext(text) {
        if (supDepth > 0) supBuffer += text;
        else append(text);
      },
      onclosetag(name) {
        if (STRONG_TAGS.has(name)) strongDepth = Math.max(0, strongDepth - 1);
        else if (name === 'sup') {
          supDepth = Math.max(0, supDepth - 1);
          if (supDepth === 0 && supBuffer.trim()) append(supText(supBuffer));
        } else if (name === 'li') {
          const t = collapseSpace(stripBullet(collapseSpace(itemBuffer ?? '')));
          if (t) items.push(t);
          itemBuffer = undefined;
        } else if (name === 'ul' || name === 'ol') {
          listDepth = Math.max(0, listDepth - 1);
        } else if (name === 'p' || name === 'div') {
          if (itemBuffer === undefined && listDepth === 0) flushParagraph();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(raw);
  parser.end();
  flushParagraph();
  const lost = collapseSpace(stripBullet(collapseSpace(runTogether)));
  if (lost) items.push(lost);
  const isRunTogether = sawList && !sawItem && lost.length > 0;
  const text = collapseSpace([...paragraphs, ...items].join(' '));
  return { text, paragraphs, items, runTogether: isRunTogether, strong: allChars > 0 && strongChars / allChars >= 0.9 };
}

/** A cell's text as a markdown export left it: HTML fragments, or plain text with emphasis. */
export function parseCell(raw: string): Cell {
  if (HTML_TAG.test(raw)) {
    const cell = parseCellHtml(raw);
    const clean = (s: string): string => cleanInline(s).text;
    const paragraphs = cell.paragraphs.map(clean).filter(Boolean);
    const items = cell.items.map(clean).filter(Boolean);
    return { ...cell, paragraphs, items, text: collapseSpace([...paragraphs, ...items].join(' ')) };
  }
  const inline = cleanInline(raw);
  return { text: inline.text, paragraphs: inline.text ? [inline.text] : [], items: [], runTogether: false, strong: inline.strong };
}
