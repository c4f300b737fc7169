/**
 * The words strategy documents use for their structure, in one place: which
 * headings open which construct, which lead-ins introduce which lists, what
 * an editorial note looks like, which words give a target's direction. This
 * is the vocabulary of the genre, not of any one document; users add to it
 * through the `converter.headings` setting, which is tried first.
 */
import type { HeadingConstruct, HeadingRule } from '../config.js';

export interface CompiledHeadingRule {
  readonly pattern: RegExp;
  readonly construct: HeadingConstruct | 'contents';
}

/** Numbers as headings write them: "Priority 2", "Commitment one", "Theme B". */
export const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'] as const;
const NUMBER = `(?:\\d+|${NUMBER_WORDS.join('|')})`;

/** "one" → 1; digits stay as they are. */
export function numberValue(text: string): string {
  const k = (NUMBER_WORDS as readonly string[]).indexOf(text.toLowerCase());
  return k >= 0 ? String(k + 1) : text;
}

/** Built-in heading patterns, tried in order after the user's. */
const BUILT_IN: readonly { pattern: RegExp; construct: HeadingConstruct | 'contents' }[] = [
  { pattern: /^(?:table of )?contents$/i, construct: 'contents' },
  { pattern: /^(?:glossary|(?:list|table) of (?:acronyms|abbreviations|terms)|acronyms|abbreviations)(?:\s+(?:and|&)\s+(?:acronyms|abbreviations|terms|definitions))?$/i, construct: 'glossary' },
  { pattern: new RegExp(`^(?:key |strategic |our )?(?:priority|theme|work ?area|pillar|strand|objective|ambition|goal)\\s+(?:${NUMBER}|[A-H])\\b`, 'i'), construct: 'priority' },
  { pattern: new RegExp(`^(?:commitment|pledge|promise|recommendation)\\s+${NUMBER}\\b`, 'i'), construct: 'commitment' },
  { pattern: new RegExp(`^(?:strategic |national |key )?aim\\s+${NUMBER}\\b`, 'i'), construct: 'aim' },
  { pattern: new RegExp(`^action\\s+${NUMBER}\\b`, 'i'), construct: 'action' },
  { pattern: /^national (?:aims?|objectives?|priorities)$/i, construct: 'nationalAims' },
  { pattern: /(?:^|\s)commitments(?:\s*[-–—:]|$)/i, construct: 'section' },
  { pattern: /^(?:[\w'’&-]+\s+){0,4}(?:members|membership|partners|partner agencies|partner organisations)$/i, construct: 'partners' },
  { pattern: /^(?:the |our )?(?:key |main |local )?(?:partners|partner agencies|partner organisations|members)\b.{0,60}\b(?:are|include|includes)$/i, construct: 'partners' },
  { pattern: /^(?:[\w'’&-]+\s+){0,3}(?:indicators?|measures|performance measures?|kpis?|key performance indicators)$/i, construct: 'measures' },
  { pattern: /^how (?:we will |will we |we'll )?(?:measure|know|track|monitor)\b/i, construct: 'measures' },
  { pattern: /^(?:[\w'’&-]+\s+){0,2}targets?$/i, construct: 'targets' },
  { pattern: /^(?:key |our |strategic )?(?:aims|objectives)$/i, construct: 'aims' },
  { pattern: /^(?:key |our )?actions$/i, construct: 'actions' },
  // Headings that introduce what the authors will do or recommend be done.
  {
    pattern:
      /^(?:(?:summary of |our |key |main |the |further )?recommendations?|(?:conclusions?|findings) (?:and|&) recommendations|recommendations? (?:and|&) (?:next steps|actions)|priorities for action|what we will do|what we are going to do|what we plan to do|our (?:pledges|promises|commitments)|actions? (?:we will take|to be taken|for change))$/i,
    construct: 'commitments',
  },
  { pattern: /\bwe will\b/i, construct: 'commitments' },
  { pattern: /comments to (?:incorporate|address)|^editorial notes?$|^(?:to do|todo)$/i, construct: 'notes' },
];

export function compileHeadingRules(user: readonly HeadingRule[] = []): CompiledHeadingRule[] {
  return [...user.map((r) => ({ pattern: new RegExp(r.pattern, 'iu'), construct: r.construct })), ...BUILT_IN];
}

/** Heading text as the patterns see it: no trailing colon or ellipsis, no leading section number. */
export function headingKey(text: string): string {
  return text
    .replace(/^(?:chapter|section|part|annex|appendix)\s+(?:\d+|[A-Z]|[IVX]+)\s*[:.–—-]?\s+/i, '')
    .replace(/^\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[\s:.…–-]+$/u, '')
    .trim();
}

export function matchHeading(rules: readonly CompiledHeadingRule[], text: string): CompiledHeadingRule | undefined {
  const key = headingKey(text);
  if (!key) return undefined;
  return rules.find((r) => r.pattern.test(key));
}

/** Lists a label introduces (as opposed to constructs a heading opens). */
export const LIST_MODES = ['nationalAims', 'commitments', 'actions', 'aims', 'measures', 'targets', 'notes', 'partners', 'glossary'] as const;
export type ListMode = (typeof LIST_MODES)[number];

export function isListMode(construct: string): construct is ListMode {
  return (LIST_MODES as readonly string[]).includes(construct);
}

/**
 * A label that names its own group ("We will protect communities … by:")
 * rather than only saying what follows ("In the next three years we will:").
 */
export function isTitledGroup(text: string): boolean {
  const key = headingKey(text);
  const m = /^we will\s+(.*)$/i.exec(key);
  return Boolean(m && m[1]!.split(/\s+/).length >= 3);
}

// ── editorial notes ────────────────────────────────────────────────────────

/** A whole paragraph (or heading) that is a drafter's note to self. */
const NOTE_PARAGRAPH: readonly RegExp[] = [
  /^\?/, // "?add para on drug markets"
  /^\(?\s*insert\b/i, // "Insert more detail re: …", "(insert organisational diagram)"
  // "Add YP services", "Add detail and reference to this": adding to the document, not a commitment to add a service.
  /^\(?\s*add\s+(?:a\s+|more\s+|the\s+|some\s+)?(?:references?|ref|details?|para|paragraph|section|data|figures?|links?|diagram|chart|graph|table|text|info|information|evidence|examples?|YP|baseline|context)\b/i,
  /^\+/, // "+Please can you mention …"
  /^(?:please\s+)?(?:can you|could you)\b/i,
  /^(?:need|needs) (?:for |to |links?\b)/i,
  /^(?:suggest|check|confirm|clarify)\b(?:\s+\S+){0,12}$/i,
  /\bquestion re\b/i,
  /^(?:tbc|tbd|to be confirmed)[.!]?$/i,
  /^(?:broad )?comments? to incorporate$/i,
  /^does this need\b/i,
];

export function isEditorialNote(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 400) return false;
  return NOTE_PARAGRAPH.some((p) => p.test(t));
}

/** Parenthesised notes inside prose: "(add reference)", "(reference/supporting data required)", "(+ detail)". */
const INLINE_NOTE = /\(([^()]{0,120}?)\)/g;
const INLINE_NOTE_WORDS = /^\s*\+|\?\s*$|\b(?:add|insert|include|reference|ref|required|tbc|tbd|elaborate|detail|timescale|example|check)\b/i;

export function inlineNotes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(INLINE_NOTE)) {
    const inner = m[1]!.trim();
    // Not years, acronyms, nor fields written in brackets ("(Lead: Police; Timescale: 2025)").
    const isField = /^[A-Z][A-Za-z ]{1,30}:\s/.test(inner);
    if (inner && INLINE_NOTE_WORDS.test(inner) && !isField && !/^\d{4}\b/.test(inner) && !/^[A-Z]{2,8}s?$/.test(inner)) out.push(inner);
  }
  return out;
}

// ── words ─────────────────────────────────────────────────────────────────

/** Words that start a target and give its direction. */
export function directionOf(text: string): 'increase' | 'reduce' | 'maintain' | undefined {
  const first = text.trim().split(/\s+/)[0]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  if (/^(?:increase[sd]?|increasing|more|higher|improve[sd]?|improvement|improving|raise[sd]?|grow|growth|expand)$/.test(first)) return 'increase';
  if (/^(?:reduce[sd]?|reduction|reducing|decrease[sd]?|decreasing|fewer|less|lower|cut|prevent|prevention)$/.test(first)) return 'reduce';
  if (/^(?:maintain(?:ed)?|sustain(?:ed)?|stable|keep)$/.test(first)) return 'maintain';
  return undefined;
}

/** A cell that is only direction words ("Reduction Reduction Increase"): one per item of a run-together list. */
export function directionWords(text: string): string[] | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return words.every((w) => /^(?:increase|increased|reduction|reduce|reduced|decrease|maintain|maintained|improvement|improve|fewer|lower|higher|more|less)$/i.test(w)) ? words : undefined;
}

/** Small words that do not end a heading or a list item. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'by', 'with', 'from', 'at', 'as', 'is', 'are', 'be', 'was', 'were',
  'that', 'which', 'who', 'whose', 'their', 'its', 'our', 'this', 'these', 'into', 'upon', 'than', 'so', 'but', 'not', 'will', 'can',
  'such', 'including', 'include', 'across', 'within', 'through', 'between', 'about',
]);

/** Words of a title that name the topic or the document, not the place it covers. */
export const TOPIC_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'new', 'our', 'national', 'local', 'joint', 'draft', 'final', 'updated', 'refreshed', 'revised', 'annual', 'interim',
  'drug', 'drugs', 'alcohol', 'substance', 'misuse', 'strategy', 'strategies', 'plan', 'plans', 'action', 'framework', 'policy',
  'partnership', 'partnerships', 'combating', 'combatting', 'tackling', 'reducing', 'preventing', 'harm', 'harms', 'from', 'to', 'and',
  'of', 'for', 'in', 'year', 'years', 'ten', 'community', 'communities', 'safety', 'health', 'wellbeing', 'public', 'government',
  'crime', 'treatment', 'recovery', 'delivery', 'our', 'we', 'how', 'why', 'what',
]);

/** First words of the names of public bodies, to tell one owner from the next in "Home Office and Ministry of Justice". */
export const ORGANISATION_HEADS: ReadonlySet<string> = new Set([
  'department', 'ministry', 'home', 'cabinet', 'office', 'hm', "her", "his", 'treasury', 'agency', 'police', 'council', 'nhs', 'service',
  'board', 'commission', 'government', 'national', 'public', 'crown', 'local', 'county', 'district', 'city', 'borough', 'foreign',
  'prison', 'probation', 'youth', 'health', 'the',
]);
