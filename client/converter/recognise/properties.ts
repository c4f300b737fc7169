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

export type Field = 'owner' | 'timing' | 'target' | 'measure' | 'outcome' | 'coverage' | 'nationalAim' | 'progress';

const KEYS: readonly [RegExp, Field][] = [
  [/^(?:progress|progress update|update|status|rag(?: status)?|position|comments?|commentary)$/i, 'progress'],
  [
    /^(?:lead(?:s| agency| agencies| partners?| organisations?| officer| body)?|led by|who|by whom|action (?:for|by)|owners?|ownership|responsib(?:le|ility)(?: lead| body| officer)?|accountable(?: body| officer)?|delivered by)$/i,
    'owner',
  ],
  [/^(?:timing|timings|timescales?|time ?frames?|by when|when|by|deadline|target date|completion date|due date|due)$/i, 'timing'],
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

function nodeFor(field: Field, value: string, label: string): Node {
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
    case 'progress':
      // A report on the work, not work: kept with its label beside what it reports on.
      return { kind: 'paragraph', text: `${label}: ${value}` };
  }
}

/** "Lead: Public Health" as an owner; undefined when the line is not a known field. */
export function propertyFrom(text: string): Node | undefined {
  const m = /^([A-Za-z][A-Za-z ]{1,30}?)\s*:\s+(\S.*)$/.exec(text.trim());
  if (!m) return undefined;
  const field = fieldOf(m[1]!);
  return field ? nodeFor(field, m[2]!.trim().replace(/[.;]$/, ''), m[1]!.trim()) : undefined;
}

const INLINE_KEY = /(?:^|(?<=[\s.;,(–—-]))(Lead|Leads|Lead agency|Lead partner|Led by|Who|Owner|Owners|Responsible|Timescale|Timescales|Timing|When|By when|Deadline|Target|Targets|Measure|Measures|Indicator|Outcome|Progress|Update|Status|LEAD|OWNER|WHO|WHEN|TIMESCALE|TARGET|MEASURE)\s*:\s*/g;

/** An owner's value that ends saying when: "Transport team, by March 2026". */
const TRAILING_TIMING = /^(.*?\S)(?:,\s*|\s+)((?:by|from|until|before|during|in)\s+\S.*)$/i;

/** "Launch a schools programme (Lead: Public Health; Timescale: 2025)": the words, and the fields after them. */
export function splitInlineProperties(text: string): { text: string; properties: Node[] } {
  const keys = [...text.matchAll(INLINE_KEY)];
  if (keys.length === 0 || keys[0]!.index === 0) return { text, properties: [] };
  const properties: Node[] = [];
  keys.forEach((k, n) => {
    const start = k.index! + k[0].length;
    const end = n + 1 < keys.length ? keys[n + 1]!.index! : text.length;
    // The separator before the next field ("… – Timescale:") is not part of this one.
    const value = text
      .slice(start, end)
      .trim()
      .replace(/[\s;,.)–—-]+$/, '')
      .trim();
    const field = fieldOf(k[1]!);
    if (!field || !value) return;
    // "(Lead: Transport team, by March 2026)": who, then when, in one field.
    const when = field === 'owner' ? TRAILING_TIMING.exec(value) : null;
    if (when && timingOf(when[2]!).spec !== undefined) {
      properties.push(nodeFor('owner', when[1]!, k[1]!), nodeFor('timing', when[2]!, k[1]!));
      return;
    }
    properties.push(nodeFor(field, value, k[1]!));
  });
  const words = text
    .slice(0, keys[0]!.index)
    .trim()
    .replace(/[\s(–—-]+$/, '')
    .trim();
  return words ? { text: words, properties } : { text, properties: [] };
}

/** Labels that give the work itself on a card ("What: …", "Action: …"). */
const WORK_KEY = /^(?:what|what we will do|action|actions|activity|commitment|we will|task|recommendation|deliverable)$/i;

export interface CardField {
  /** `work` for the commitment's own words, else the field its label names. */
  readonly field: Field | 'work';
  readonly label: string;
  readonly value: string;
}

/** "What: Open a clinic", "Who: Public Health": a card's line; undefined for any other text. */
export function cardField(text: string): CardField | undefined {
  const m = /^([A-Za-z][A-Za-z ]{0,24}?)\s*[:?]\s+(\S.*)$/.exec(text.trim());
  if (!m) return undefined;
  const label = m[1]!.trim();
  const value = m[2]!.trim();
  if (WORK_KEY.test(label)) return { field: 'work', label, value };
  const field = fieldOf(label);
  return field ? { field, label, value } : undefined;
}

/** A card's fields as a commitment: its work as the words, the rest as its owner, timing, measures and progress. */
export function cardNode(fields: readonly CardField[]): Node | undefined {
  const work = fields.find((f) => f.field === 'work');
  if (!work) return undefined;
  const items = fields.filter((f) => f !== work).map((f) => nodeFor(f.field as Field, f.value.replace(/[.;]$/, ''), f.label));
  return { kind: 'commitment', text: work.value, items };
}

/**
 * A card written on one line or joined into one paragraph: "What: Open a
 * clinic Who: Public Health When: 2025". Splits before each label a card
 * knows (capitalised, followed by a colon); undefined unless every piece is
 * a card's field.
 */
export function cardFields(text: string): CardField[] | undefined {
  const t = text.trim();
  const starts: number[] = [];
  for (const m of t.matchAll(/(?:^|(?<=\s))(?=[A-Z])/g)) {
    const label = /^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}?)\s*[:?]\s+/.exec(t.slice(m.index!, m.index! + 40));
    if (label && cardField(`${label[1]}: x`) !== undefined) starts.push(m.index!);
  }
  if (starts.length === 0 || starts[0] !== 0) return undefined;
  const fields = starts.map((at, k) => cardField(t.slice(at, starts[k + 1] ?? t.length).trim()));
  return fields.every(Boolean) ? (fields as CardField[]) : undefined;
}
