/**
 * Fields written as "Key: value" lines under a commitment or inside a list
 * item: "Lead: Public Health", "Timescale: by March 2025", "Measure: NI 40",
 * "Target: reduce by 10%". The key says which construct the value is; the
 * value keeps the source's words.
 */
import type { Node } from '../model.js';
import { measureFrom, targetFrom } from './entries.js';
import { ownersFromCell } from './owners.js';
import { timingOf } from './timing.js';

type Field = 'owner' | 'timing' | 'target' | 'measure' | 'outcome' | 'coverage' | 'nationalAim';

const KEYS: readonly [RegExp, Field][] = [
  [/^(?:lead(?:s| agency| agencies| partners?| organisations?| officer| body)?|owners?|ownership|responsib(?:le|ility)(?: lead| body)?|accountable(?: body| officer)?)$/i, 'owner'],
  [/^(?:timing|timings|timescales?|time ?frames?|by when|when|deadline|target date|completion date|due date|due)$/i, 'timing'],
  [/^targets?$/i, 'target'],
  [/^(?:measures?|indicators?|kpis?|performance (?:measures?|indicators?)|success measures?|how (?:we will )?measure(?: success)?)$/i, 'measure'],
  [/^(?:expected |intended )?outcomes?$/i, 'outcome'],
  [/^coverage$/i, 'coverage'],
  [/^national aims?$/i, 'nationalAim'],
];

function fieldOf(key: string): Field | undefined {
  const k = key.trim();
  return KEYS.find(([re]) => re.test(k))?.[1];
}

function nodeFor(field: Field, value: string): Node {
  switch (field) {
    case 'owner':
      return { kind: 'owner', names: ownersFromCell(value) };
    case 'timing':
      return { kind: 'timing', value: timingOf(value) };
    case 'target':
      return targetFrom(value);
    case 'measure':
      return measureFrom(value);
    case 'outcome':
      return { kind: 'outcome', title: value, items: [] };
    case 'coverage':
      return { kind: 'coverage', text: value };
    case 'nationalAim':
      return { kind: 'nationalAim', text: value };
  }
}

/** "Lead: Public Health" as an owner; undefined when the line is not a known field. */
export function propertyFrom(text: string): Node | undefined {
  const m = /^([A-Za-z][A-Za-z ]{1,30}?)\s*:\s+(\S.*)$/.exec(text.trim());
  if (!m) return undefined;
  const field = fieldOf(m[1]!);
  return field ? nodeFor(field, m[2]!.trim().replace(/[.;]$/, '')) : undefined;
}

const INLINE_KEY = /(?:^|(?<=[\s.;,(–—-]))(Lead|Leads|Lead agency|Lead partner|Owner|Owners|Responsible|Timescale|Timescales|Timing|By when|Deadline|Target|Targets|Measure|Measures|Indicator|Outcome|LEAD|OWNER|TIMESCALE|TARGET|MEASURE)\s*:\s*/g;

/** "Launch a schools programme (Lead: Public Health; Timescale: 2025)": the words, and the fields after them. */
export function splitInlineProperties(text: string): { text: string; properties: Node[] } {
  const keys = [...text.matchAll(INLINE_KEY)];
  if (keys.length === 0 || keys[0]!.index === 0) return { text, properties: [] };
  const properties: Node[] = [];
  keys.forEach((k, n) => {
    const start = k.index! + k[0].length;
    const end = n + 1 < keys.length ? keys[n + 1]!.index! : text.length;
    const value = text
      .slice(start, end)
      .trim()
      .replace(/[;,.)]+$/, '')
      .trim();
    const field = fieldOf(k[1]!);
    if (field && value) properties.push(nodeFor(field, value));
  });
  const words = text
    .slice(0, keys[0]!.index)
    .trim()
    .replace(/[\s(–—-]+$/, '')
    .trim();
  return words ? { text: words, properties } : { text, properties: [] };
}
