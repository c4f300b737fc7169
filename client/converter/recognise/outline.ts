/**
 * Headings to a tree of sections. Levels come from the numbering when a
 * heading is numbered ("13.1" sits under "13"), else from the markup; a bold
 * line standing alone sits one level under the last marked-up heading.
 * Headings that only introduce a list ("Local Targets:", "In the next three
 * years we will:") become labels inside the section, and headings that are
 * a drafter's note ("Add YP services") become notes, so neither breaks the
 * section they stand in.
 */
import type { HeadingConstruct } from '../config.js';
import type { Block, ListBlock, ParagraphBlock } from '../layout/blocks.js';
import { collapseSpace } from '../layout/inline.js';
import { isEditorialNote, isListMode, isTitledGroup, matchHeading, type CompiledHeadingRule, type ListMode } from './vocabulary.js';

export interface LabelBlock {
  readonly kind: 'label';
  readonly text: string;
  readonly mode: ListMode;
  /** The label names a group of its own ("We will protect communities … by:"). */
  readonly titled: boolean;
  readonly line?: number;
}

export interface NoteBlock {
  readonly kind: 'note';
  readonly text: string;
  readonly line?: number;
}

export type BodyBlock = Exclude<Block, { kind: 'heading' }> | LabelBlock | NoteBlock;

export interface SectionHeading {
  readonly text: string;
  readonly level: number;
  readonly line?: number;
  /** "13.1" for "13.1 Protecting Communities". */
  readonly number?: string;
  readonly construct?: HeadingConstruct;
}

export interface Section {
  readonly kind: 'section';
  readonly heading?: SectionHeading;
  readonly body: (BodyBlock | Section)[];
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(?=\S)/;

function numberOf(text: string): string | undefined {
  const m = NUMBERED.exec(text);
  return m ? m[1] : undefined;
}

/** A heading-like line that is a list's lead-in only when a list (or, for targets, a short line) follows. */
function introducesList(next: Block | undefined, mode: ListMode, afterNext: Block | undefined): boolean {
  if (!next) return false;
  if (next.kind === 'list' || next.kind === 'table') return true;
  // "Local Targets:" over a single "TBC" still introduces targets.
  if (next.kind === 'paragraph' && (mode === 'targets' || mode === 'notes') && next.text.split(/\s+/).length <= 40) return true;
  if (next.kind === 'paragraph' && isEditorialNote(next.text)) return introducesList(afterNext, mode, undefined);
  return false;
}

/** "Key aims: (1) Reduce …; (2) Increase …": a lead-in and its items written on one line. */
function inlineEnumeration(p: ParagraphBlock): { lead: string; list: ListBlock } | undefined {
  const m = /^([^:]{2,60}):\s*(\(?\d{1,2}[).]\s*.+)$/.exec(p.text);
  if (!m) return undefined;
  const parts = m[2]!.split(/(?:^|[;,]?\s+)\(?(\d{1,2})[).]\s+/).filter((s) => s !== '');
  const items: { number: string; text: string }[] = [];
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const text = collapseSpace(parts[k + 1]!.replace(/[;,]\s*$/, ''));
    if (text) items.push({ number: parts[k]!, text });
  }
  if (items.length < 2 || items.some((it, n) => Number(it.number) !== n + 1)) return undefined;
  return {
    lead: m[1]!.trim(),
    list: { kind: 'list', ordered: true, line: p.line, items: items.map((it) => ({ text: it.text, number: it.number, strong: false, line: p.line })) },
  };
}

export interface OutlineOptions {
  readonly rules: readonly CompiledHeadingRule[];
  /** Level of the document title, so that bold headings after it sit under it. */
  readonly titleLevel: number;
  /**
   * The document numbers its commitments under headings of their own
   * ("COMMITMENT 3"). Its lists under a "… commitments" heading then only
   * sum them up, and are not commitments themselves.
   */
  readonly explicitCommitments: boolean;
}

/** Whether a document numbers its commitments as headings ("COMMITMENT 3", "Commitment 1"). */
export function hasCommitmentHeadings(blocks: readonly Block[], rules: readonly CompiledHeadingRule[]): boolean {
  return blocks.some((b) => (b.kind === 'heading' || (b.kind === 'paragraph' && b.text.split(/\s+/).length <= 8)) && matchHeading(rules, b.text)?.construct === 'commitment');
}

const NUMBERED_CONSTRUCTS: ReadonlySet<string> = new Set(['priority', 'commitment', 'action', 'aim']);

/** Whether `text` names a numbered construct ("Commitment 1", "Objective 2: Safer streets"). */
export function opensNumberedConstruct(rules: readonly CompiledHeadingRule[], text: string): boolean {
  const rule = matchHeading(rules, text);
  return rule !== undefined && NUMBERED_CONSTRUCTS.has(rule.construct);
}

/** A short line on its own that names a numbered construct ("Commitment 1", "Priority 2 – Treatment") is a heading, bold or not. */
function isConstructLine(b: Block, rules: readonly CompiledHeadingRule[]): boolean {
  if (b.kind !== 'paragraph' || b.footnote !== undefined || b.text.split(/\s+/).length > 12 || /[.;,]$/.test(b.text)) return false;
  return opensNumberedConstruct(rules, b.text);
}

/** A short line in capitals, as plain-text exports write headings ("PARTNERSHIP AND GOVERNANCE"). */
function isCapitalsLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  // Letters, not codes: "ISBN 978-1-84726-616-3" is not a heading.
  const mostlyLetters = letters.length >= text.replace(/\s/g, '').length * 0.6;
  return letters.length >= 4 && mostlyLetters && letters === letters.toUpperCase() && text.split(/\s+/).length <= 12;
}

/**
 * Bold lines standing alone, short and not ending mid-sentence, are
 * headings, unless they continue a run of bold-led lines ("PREVENTION – …",
 * "TREATMENT", "RECOVERY"), which is a list written as paragraphs.
 */
function isBoldHeading(b: Block, inBoldRun: boolean): boolean {
  if (b.kind !== 'paragraph' || !(b.strong || isCapitalsLine(b.text)) || b.footnote !== undefined) return false;
  const w = b.text.split(/\s+/);
  if (w.length > 25) return false;
  if (/[.;,]$/.test(b.text) && !numberOf(b.text)) return false;
  if (inBoldRun && !numberOf(b.text)) return false;
  const last = w[w.length - 1]!.toLowerCase().replace(/[^a-z]/g, '');
  return !['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'is', 'are', 'for', 'with', 'by', 'that'].includes(last);
}

export function buildOutline(blocks: readonly Block[], options: OutlineOptions): Section {
  const root: { heading?: SectionHeading; body: (BodyBlock | Section)[] } = { body: [] };
  const stack: { heading?: SectionHeading; body: (BodyBlock | Section)[] }[] = [root];
  let lastMarkupLevel = Math.max(options.titleLevel, 0);

  const current = (): (BodyBlock | Section)[] => stack[stack.length - 1]!.body;
  // Whether the last block was a bold-led line kept as text.
  let inBoldRun = false;

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    const headingLike: boolean = b.kind === 'heading' || isBoldHeading(b, inBoldRun) || isConstructLine(b, options.rules);
    inBoldRun = !headingLike && b.kind === 'paragraph' && b.leadStrong;
    if (headingLike && (b.kind === 'heading' || b.kind === 'paragraph')) {
      const text = b.text;
      const rule = matchHeading(options.rules, text);
      if (rule && isListMode(rule.construct) && rule.construct !== 'partners' && rule.construct !== 'glossary' && introducesList(next, rule.construct, blocks[i + 2])) {
        current().push({ kind: 'label', text, mode: rule.construct, titled: isTitledGroup(text), line: b.line });
        continue;
      }
      // "Our commitments" over a list: the list is the commitments, unless the document numbers them as headings elsewhere.
      if (rule?.construct === 'section' && !options.explicitCommitments && next?.kind === 'list') {
        current().push({ kind: 'label', text, mode: 'commitments', titled: false, line: b.line });
        continue;
      }
      if (isEditorialNote(text)) {
        current().push({ kind: 'note', text, line: b.line });
        continue;
      }
      const number = numberOf(text);
      let level: number;
      if (number) level = number.split('.').length;
      else if (b.kind === 'heading' && b.source === 'markup') level = b.level;
      else level = lastMarkupLevel + 1;
      if (b.kind === 'heading' && b.source === 'markup' && !number) lastMarkupLevel = b.level;
      else if (number) lastMarkupLevel = level;
      const construct = rule && rule.construct !== 'contents' ? rule.construct : undefined;
      const heading: SectionHeading = { text, level, line: b.line, ...(number ? { number } : {}), ...(construct ? { construct } : {}) };
      while (stack.length > 1 && stack[stack.length - 1]!.heading!.level >= level) stack.pop();
      const section: Section = { kind: 'section', heading, body: [] };
      current().push(section);
      stack.push(section);
      continue;
    }
    if (b.kind === 'paragraph') {
      const leadIn = b.text.endsWith(':') || isEditorialNote(b.text) ? matchHeading(options.rules, b.text) : undefined;
      if (leadIn && isListMode(leadIn.construct) && introducesList(next, leadIn.construct, blocks[i + 2])) {
        current().push({ kind: 'label', text: b.text, mode: leadIn.construct, titled: isTitledGroup(b.text), line: b.line });
        continue;
      }
      if (b.note || isEditorialNote(b.text)) {
        current().push({ kind: 'note', text: b.text, line: b.line });
        continue;
      }
      const enumeration = inlineEnumeration(b);
      if (enumeration) {
        const rule = matchHeading(options.rules, enumeration.lead);
        if (rule && isListMode(rule.construct)) {
          current().push({ kind: 'label', text: enumeration.lead, mode: rule.construct, titled: false, line: b.line }, enumeration.list);
          continue;
        }
      }
    }
    // Every heading was taken above, as a section, label or note.
    if (b.kind !== 'heading') current().push(b);
  }
  return { kind: 'section', body: root.body };
}
