import type { GlossaryDecl, Position, Range, Statement } from '../../grammar/index.js';
import { isContainer, quote } from '../../grammar/index.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import type { Rule, TextEdit } from './rule.js';
import { findAcronyms, inlineDefinitionAmong, parenthesised, UNIVERSAL_ACRONYMS } from './support/acronyms.js';
import { pointRange } from './support/edits.js';
import { isBlank } from './support/ancestry.js';

interface Located {
  readonly value: string;
  readonly range: Range;
}

/** The texts of a statement that are read as prose (notes are the author's, not the reader's). */
interface AcronymUses {
  readonly texts: string[];
  /** What each `(…)` of the texts holds, with the index (in `texts`) of the first text holding it. */
  readonly parentheses: [string, number][];
  readonly uses: { acronym: string; range: Range }[];
}

/** Calls `read` with each text of a statement read as prose (a callback, not an array: it runs for every statement). */
function forEachText(node: Statement, read: (t: Located | undefined) => void): void {
  switch (node.kind) {
    case 'target':
    case 'timing':
      return read(node.words);
    case 'paragraph':
    case 'coverage':
    case 'area':
    case 'vision':
      return read(node.text);
    case 'owner':
      for (const n of node.names) read(n);
      return;
    case 'partners':
      for (const e of node.entries) {
        read(e.name);
        read(e.role);
      }
      return;
    case 'glossary':
      for (const e of node.entries) read(e.meaning);
      return;
    default:
      if ('title' in node) read(node.title);
  }
}

/** Whether `text` holds a line break between `from` and `to` (a loop, not a slice tested by a regular expression: it runs for every acronym used). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

function glossaryEdit(doc: AnalysedDocument, acronym: string, meaning: string): TextEdit {
  const entry = `${acronym} ${quote(meaning)}`;
  const glossary = doc.parsed.document.items.find((s): s is GlossaryDecl => s.kind === 'glossary');
  if (!glossary) {
    const needsBreak = doc.text.length > 0 && !doc.text.endsWith('\n');
    return { range: pointRange(doc.parsed.lines.positionAt(doc.text.length)), newText: `${needsBreak ? '\n' : ''}\nglossary {\n  ${entry}\n}\n` };
  }
  const before = glossary.entries.find((e) => e.term.value.localeCompare(acronym) > 0);
  if (before) {
    const lineStart = doc.parsed.lines.positionAt(doc.parsed.lines.offsetAt(before.range.start.line, 0));
    return { range: pointRange(lineStart), newText: `  ${entry}\n` };
  }
  const closing = doc.parsed.lines.positionAt(doc.parsed.lines.offsetAt(glossary.range.end.line, 0));
  return { range: pointRange(closing), newText: `  ${entry}\n` };
}

export const undefinedAcronym: Rule = {
  meta: {
    id: 'undefined-acronym',
    defaultSeverity: 'warning',
    description: 'An acronym is used but defined neither in the document’s glossary nor in its framework’s.',
    fixable: false,
    docs: {
      why: 'Readers outside the partnership do not know what a CDRP or a SMOG is. Every acronym should be in the document\'s glossary or in its framework\'s.',
      howToFix: 'Add the acronym to the `glossary` with its meaning (an entry with an empty meaning defines nothing), or expand it in brackets where it is first used ("Substance Action Groups (SAG)"), or list acronyms every reader knows under `acronyms` in strategy.config.json. UK, NHS, GP and HIV are taken as known.',
      bad: 'owner "District CDRPs"',
      good: 'glossary {\n  CDRP "Crime and Disorder Reduction Partnership"\n}',
    },
  },
  create(context) {
    const doc = context.document;
    const frameworkGlossary = context.framework && context.framework.document !== doc ? context.framework.document.glossary : new Map();
    // A glossary entry with an empty meaning (`GSSCP ""`) defines nothing.
    const inGlossary = (a: string): boolean => doc.glossary.has(a) && !isBlank(doc.glossary.get(a)!.meaning);
    const known = (a: string): boolean =>
      inGlossary(a) || frameworkGlossary.has(a) || context.knownAcronyms.has(a) || UNIVERSAL_ACRONYMS.has(a);
    const reported = new Set<string>();
    const allText: string[] = [];
    /** For what a `(…)` of the document's prose holds, the first text (in `allText`) holding it. */
    const firstHolding = new Map<string, number>();
    const uses: { acronym: string; range: Range }[] = [];
    /** The texts and acronym uses of one top-level statement (kept per statement by the server, see `perStatement`). */
    /**
     * The position of `offset` inside a text's range: on the text's first line when no line break comes
     * before it (as in every quoted text), without the document's line index, which costs a scan of the
     * whole text after each edit in the server.
     */
    const positionIn = (range: Range, offset: number): Position => {
      const from = range.start.offset;
      if (offset >= from && offset <= doc.text.length && !hasLineBreak(doc.text, from, offset)) {
        return { line: range.start.line, character: range.start.character + (offset - from), offset };
      }
      return doc.parsed.lines.positionAt(offset);
    };
    const collect = (top: Statement): AcronymUses => {
      const part: AcronymUses = { texts: [], parentheses: [], uses: [] };
      // Only an acronym's first use is reported, so within a statement only its first is placed and kept.
      const seen = new Set<string>();
      const read = (t: Located | undefined): void => {
        if (!t) return;
        for (const inside of parenthesised(t.value)) part.parentheses.push([inside, part.texts.length]);
        part.texts.push(t.value);
        const uses = findAcronyms(t.value);
        if (uses.length === 0) return;
        const first = doc.text.charCodeAt(t.range.start.offset);
        const quoted = first === 0x22 || first === 0x201c ? 1 : 0;
        for (const use of uses) {
          if (seen.has(use.acronym)) continue;
          seen.add(use.acronym);
          // Ranges are exact when the text had no escapes before the acronym; close enough otherwise.
          const start = positionIn(t.range, t.range.start.offset + quoted + use.index);
          const end = positionIn(t.range, t.range.start.offset + quoted + use.index + use.acronym.length);
          part.uses.push({ acronym: use.acronym, range: quoted ? { start, end } : t.range });
        }
      };
      const visit = (items: readonly Statement[]): void => {
        for (let i = 0; i < items.length; i++) {
          const s = items[i]!;
          if (s.kind === 'note') continue;
          forEachText(s, read);
          if (isContainer(s)) visit(s.items);
        }
      };
      visit([top]);
      return part;
    };
    return {
      enterDocument(d) {
        for (const top of d.items) {
          const part = context.perStatement ? context.perStatement(top, () => collect(top)) : collect(top);
          for (const [inside, index] of part.parentheses) if (!firstHolding.has(inside)) firstHolding.set(inside, allText.length + index);
          for (const t of part.texts) allText.push(t);
          for (const u of part.uses) uses.push(u);
        }
      },
      exitDocument() {
        for (const use of uses) {
          if (reported.has(use.acronym) || known(use.acronym)) continue;
          reported.add(use.acronym);
          const meaning = inlineDefinitionAmong(allText, firstHolding, use.acronym);
          // "… Substance Action Groups (SAG)": expanded in brackets in the document is defined.
          if (meaning !== undefined) continue;
          context.report({
            message: `${use.acronym} is used but not defined in the glossary${context.framework && context.framework.document !== doc ? ` or framework ${context.framework.id}'s` : ''}.`,
            range: use.range,
            suggestions: [{ title: `Add ${use.acronym} to the glossary`, edits: [glossaryEdit(doc, use.acronym, meaning ?? '')] }],
          });
        }
      },
    };
  },
};
