/** Dates as the language writes them: 2010, 2010-04, 2010-04-15, and UK financial years 2009/10. */
import type { DatePrecision } from './ast.js';

export interface DateSpan {
  readonly precision: DatePrecision;
  readonly first: string;
  readonly last: string;
}

export type DateParse = { ok: true; span: DateSpan } | { ok: false; message: string };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Documents repeat the same few dates thousands of times; parse each once. */
const cache = new Map<string, DateParse>();

export function parseDateText(text: string): DateParse {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = parseUncached(text);
    if (cache.size < 10_000) cache.set(text, parsed);
  }
  return parsed;
}

function parseUncached(text: string): DateParse {
  let m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    return { ok: true, span: { precision: 'year', first: `${pad(y, 4)}-01-01`, last: `${pad(y, 4)}-12-31` } };
  }
  m = /^(\d{4})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const second = m[2]!;
    const endYear = second.length === 4 ? Number(second) : Math.floor((y + 1) / 100) * 100 + Number(second);
    if (endYear !== y + 1) {
      return { ok: false, message: `${text} is not a financial year: the second year must follow the first, as in ${y}/${pad((y + 1) % 100)}.` };
    }
    return { ok: true, span: { precision: 'financial-year', first: `${y}-04-01`, last: `${y + 1}-03-31` } };
  }
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return { ok: false, message: `${text} is not a date: months run from 01 to 12.` };
    if (m[3] === undefined) {
      return { ok: true, span: { precision: 'month', first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(daysInMonth(y, mo))}` } };
    }
    const d = Number(m[3]);
    if (d < 1 || d > daysInMonth(y, mo)) return { ok: false, message: `${text} is not a date: ${m[1]}-${m[2]} has ${daysInMonth(y, mo)} days.` };
    return { ok: true, span: { precision: 'day', first: text, last: text } };
  }
  return { ok: false, message: `${text} is not a date: write a year (2010), a month (2010-04), a day (2010-04-15) or a financial year (2009/10).` };
}
