/**
 * The one list of the language's keywords. The lexer, the formatter, the
 * TextMate grammar generator, completion and hover all read it, so a keyword
 * is added here and nowhere else.
 */
export type KeywordRole =
  | 'declaration' // opens a construct: strategy, priority, commitment…
  | 'property' // a field of a construct: owner, timing, target…
  | 'connective' // joins values: to, from, by
  | 'value'; // a fixed value: draft, increase, ongoing…

export interface KeywordInfo {
  readonly word: string;
  readonly role: KeywordRole;
  /** One line a policy officer understands; shown on hover and in completion. */
  readonly doc: string;
}

export const KEYWORDS = [
  { word: 'strategy', role: 'declaration', doc: 'Declares a local strategy: its title, then a header block with area, period, status and framework.' },
  { word: 'framework', role: 'declaration', doc: 'Declares a national framework (with an id and title), or, inside a strategy header, names the framework the strategy answers to.' },
  { word: 'priority', role: 'declaration', doc: 'A priority, theme, work area or key priority, holding commitments, measures and targets.' },
  { word: 'section', role: 'declaration', doc: 'A named group of items inside a priority, such as "Young people commitments".' },
  { word: 'aim', role: 'declaration', doc: 'An aim or strategic objective. In a framework, a national aim that local strategies can support.' },
  { word: 'national', role: 'declaration', doc: 'With `aim`: a national aim this priority or commitment answers to, by code and/or its words.' },
  { word: 'action', role: 'declaration', doc: 'A numbered national action of a framework; after `supports`, a reference to one.' },
  { word: 'commitment', role: 'declaration', doc: 'Something the strategy commits to do ("we will…"), with owner, timing, measure and target.' },
  { word: 'measure', role: 'declaration', doc: 'How progress is measured: a National Indicator such as `NI 40`, or a local measure in words.' },
  { word: 'target', role: 'property', doc: 'A target: direction (increase, reduce, maintain), value, indicator, baseline (`from`) and date (`by`), or `tbc`.' },
  { word: 'outcome', role: 'declaration', doc: 'An outcome sought. With a block, it groups the actions, measures and targets that serve it.' },
  { word: 'narrative', role: 'declaration', doc: 'A section of prose (foreword, local picture…): paragraphs in quotes, nested narratives and notes.' },
  { word: 'partners', role: 'declaration', doc: 'The partners of the strategy, one quoted name per line, optionally with a `role`.' },
  { word: 'glossary', role: 'declaration', doc: 'Acronyms and terms with their meaning, one per line: `CDRP "Crime and Disorder Reduction Partnership"`.' },
  { word: 'note', role: 'property', doc: 'An editorial note left in a draft. The linter reports open notes so that none reach publication.' },
  { word: 'area', role: 'property', doc: 'The area the strategy covers, such as "Gloucestershire".' },
  { word: 'period', role: 'property', doc: 'The period the strategy or framework runs for: `period 2010-04 to 2013-03`.' },
  { word: 'status', role: 'property', doc: 'Where the document stands: draft, consultation, final, published, superseded or archived.' },
  { word: 'vision', role: 'property', doc: 'The vision statement of the strategy.' },
  { word: 'owner', role: 'property', doc: 'Who is accountable: names in quotes or acronyms from a glossary, separated by commas.' },
  { word: 'timing', role: 'property', doc: 'When: a date, a range, `from DATE`, `by DATE` or `ongoing`, followed by the source\'s own words in quotes.' },
  { word: 'coverage', role: 'property', doc: 'Where an action applies, such as "England and Wales".' },
  { word: 'supports', role: 'property', doc: 'Links to the framework: `supports action 20, 21` or `supports aim PC.1`.' },
  { word: 'role', role: 'property', doc: 'The role of a partner, after the partner\'s name.' },
  { word: 'to', role: 'connective', doc: 'Ends a date range: `2010-04 to 2013-03`.' },
  { word: 'from', role: 'connective', doc: 'A start date (`timing from 2008-04`) or, in a target, the baseline (`from 45%`).' },
  { word: 'by', role: 'connective', doc: 'A deadline: `timing by 2009-03`, `target reduce NI 42 by 2013-03`.' },
  { word: 'ongoing', role: 'value', doc: 'Timing with no end date.' },
  { word: 'increase', role: 'value', doc: 'Target direction: the measure should go up.' },
  { word: 'reduce', role: 'value', doc: 'Target direction: the measure should go down.' },
  { word: 'maintain', role: 'value', doc: 'Target direction: the measure should stay where it is.' },
  { word: 'draft', role: 'value', doc: 'Status: a draft, not yet agreed.' },
  { word: 'consultation', role: 'value', doc: 'Status: out for consultation.' },
  { word: 'final', role: 'value', doc: 'Status: agreed, awaiting publication.' },
  { word: 'published', role: 'value', doc: 'Status: published.' },
  { word: 'superseded', role: 'value', doc: 'Status: replaced by a later document.' },
  { word: 'archived', role: 'value', doc: 'Status: kept for the record only.' },
] as const satisfies readonly KeywordInfo[];

export type Keyword = (typeof KEYWORDS)[number]['word'];

export const STATUS_VALUES = ['draft', 'consultation', 'final', 'published', 'superseded', 'archived'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

export const DIRECTIONS = ['increase', 'reduce', 'maintain'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Words a draft uses in place of a value it does not have yet. */
export const PLACEHOLDER_WORDS = ['tbc', 'TBC', 'tbd', 'TBD', 'Tbc'] as const;

const byWord = new Map<string, KeywordInfo>(KEYWORDS.map((k) => [k.word, k]));

export function keywordInfo(word: string): KeywordInfo | undefined {
  return byWord.get(word);
}
