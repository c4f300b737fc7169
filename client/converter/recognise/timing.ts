/**
 * Timing words to the language's structured form, only where the words
 * leave no doubt: "By end March 2009" is `by 2009-03`, "Ongoing, from April
 * 2008" is `ongoing from 2008-04`. "Subject to evaluation", "Late 2008" and
 * "Dependent upon outcome, … in 2009/10" keep their words alone. The words
 * are always kept.
 */
import { parseDateText } from '../../../grammar/index.js';
import type { TimingValue } from '../model.js';

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH = `(${Object.keys(MONTHS).join('|')})`;
/** A month and year ("April 2008"), a year ("2009") or a financial year ("2009/10"). */
const WHEN = `(?:(?:the\\s+)?(?:end\\s+(?:of\\s+)?)?${MONTH}\\s+(\\d{4})|(\\d{4}\\/\\d{2,4})|(\\d{4}))`;

function dateOf(month: string | undefined, year: string | undefined, financial: string | undefined, bare: string | undefined): string | undefined {
  let text: string | undefined;
  if (month && year) text = `${year}-${String(MONTHS[month.toLowerCase()]).padStart(2, '0')}`;
  else text = financial ?? bare;
  if (!text) return undefined;
  return parseDateText(text).ok ? text : undefined;
}

const PATTERNS: readonly { re: RegExp; build: (d: (string | undefined)[]) => string | undefined }[] = [
  { re: new RegExp(`^${WHEN}$`, 'i'), build: ([a]) => a },
  { re: new RegExp(`^(?:by|before)\\s+(?:the\\s+)?(?:end\\s+(?:of\\s+)?)?${WHEN}$`, 'i'), build: ([a]) => a && `by ${a}` },
  { re: new RegExp(`^(?:from|starting|beginning|commencing)\\s+${WHEN}$`, 'i'), build: ([a]) => a && `from ${a}` },
  { re: /^ongoing$/i, build: () => 'ongoing' },
  { re: new RegExp(`^ongoing,?\\s+(?:from|since)\\s+${WHEN}$`, 'i'), build: ([a]) => a && `ongoing from ${a}` },
  { re: new RegExp(`^(?:from\\s+)?${WHEN}\\s*(?:[-–—]|to|onwards,?)\\s*ongoing$`, 'i'), build: ([a]) => a && `ongoing from ${a}` },
  { re: new RegExp(`^(?:from\\s+)?${WHEN}\\s*(?:[-–—]|to|until)\\s*${WHEN}$`, 'i'), build: ([a, b]) => a && b && `${a} to ${b}` },
];

/** Seasons and parts of a year lie within that year, whatever day they end on. */
const WITHIN_YEAR = /^(?:early|mid|late|spring|summer|autumn|(?:the\s+)?end\s+of|during)\s+(\d{4})$/i;

export function timingOf(words: string): TimingValue {
  const text = words.trim().replace(/[.;]+$/, '').replace(/\s+/g, ' ');
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    // Each WHEN contributes four groups; turn each quartet into a date.
    const groups = m.slice(1);
    const dates: (string | undefined)[] = [];
    for (let k = 0; k < groups.length; k += 4) dates.push(dateOf(groups[k], groups[k + 1], groups[k + 2], groups[k + 3]));
    const spec = p.build(dates);
    if (spec) return { spec, words: words.trim() };
  }
  const within = WITHIN_YEAR.exec(text);
  if (within) return { spec: within[1]!, words: words.trim() };
  return { words: words.trim() };
}

const STATED = new RegExp(`\\b(?:by|before|from|starting|beginning|no later than)\\s+(?:the\\s+)?(?:end\\s+(?:of\\s+)?)?${WHEN}(?![\\w/])`, 'i');

/**
 * A timing a commitment states in its own words ("… will move onto GOV.UK by
 * March 2013", "From April 2014, all new services will …"), as the phrase
 * that states it; undefined when it states none.
 */
export function timingInWords(text: string): TimingValue | undefined {
  const m = STATED.exec(text);
  if (!m) return undefined;
  const phrase = m[0].replace(/^by the end/i, 'By the end');
  const timing = timingOf(phrase);
  return timing.spec ? { spec: timing.spec, words: m[0] } : undefined;
}
