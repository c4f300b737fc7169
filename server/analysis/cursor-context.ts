/**
 * Where the cursor is, in the terms completion needs: inside which blocks,
 * after which words of the current statement, inside quotes or a comment,
 * and what partial word is being typed. Read from tokens, not the tree:
 * while the author types, the text around the cursor is usually not yet a
 * well-formed statement, and tokens of this language never span lines, so
 * lexing the current line is exact.
 */
import type { IToken } from 'chevrotain';
import { LineIndex } from '../../grammar/index.js';
import { lex } from '../../grammar/lexer.js';
import type { AnalysedDocument } from './document-model.js';
import type { BlockKind } from '../../grammar/index.js';

/**
 * The text the cursor is in, and where a top-level statement starts before a
 * point (no block is open there). The server's completion passes the text as
 * it is now with the starts of its last analysed tree, mapped across the
 * edits made since, so that it never waits for a reparse.
 */
export interface CursorSource {
  readonly text: string;
  readonly lines: Pick<LineIndex, 'positionAt'>;
  /** An offset at or before `offset` where no block is open (0 at worst). */
  statementStartBefore(offset: number): number;
}

/** A document's own text and tree. */
export function cursorSourceOf(doc: AnalysedDocument): CursorSource {
  return {
    text: doc.text,
    lines: doc.parsed.lines,
    statementStartBefore(upTo) {
      let from = 0;
      for (const item of doc.parsed.document.items) {
        if (item.range.start.offset > upTo) break;
        from = item.range.start.offset;
      }
      return from;
    },
  };
}

/** A block completion can stand in: a statement block, or a partners or glossary list. */
export type ContextBlock = BlockKind | 'partners' | 'glossary';

export interface CursorToken {
  readonly type: string;
  readonly image: string;
  /** Absolute offsets in the document. */
  readonly start: number;
  readonly end: number;
}

export interface CursorContext {
  readonly offset: number;
  /** The word being typed, ending at the cursor, and where it starts. */
  readonly prefix: string;
  readonly prefixStart: number;
  /** `NI 4` being typed: where it starts and the digits so far. */
  readonly indicatorPrefix: { readonly start: number; readonly digits: string } | undefined;
  /** The tokens of the current line before the word being typed. */
  readonly lineTokens: readonly CursorToken[];
  /** The blocks around the cursor, outermost first. */
  readonly blocks: readonly ContextBlock[];
  /** Inside quoted text: where the text starts (at its quote). */
  readonly inString: { readonly start: number } | undefined;
  /** Inside a comment: the comment's text up to the cursor (after `//`). */
  readonly inComment: { readonly start: number; readonly textBefore: string } | undefined;
}

const BLOCK_OWNERS: Readonly<Record<string, ContextBlock>> = {
  Kw_strategy: 'strategy',
  Kw_framework: 'framework',
  Kw_priority: 'priority',
  Kw_section: 'section',
  Kw_aim: 'aim',
  Kw_outcome: 'outcome',
  Kw_commitment: 'commitment',
  Kw_action: 'action',
  Kw_measure: 'measure',
  Kw_narrative: 'narrative',
  Kw_partners: 'partners',
  Kw_glossary: 'glossary',
};

function toCursorTokens(tokens: readonly IToken[], base: number): CursorToken[] {
  return tokens.map((t) => ({ type: t.tokenType.name, image: t.image, start: base + t.startOffset, end: base + t.endOffset! + 1 }));
}

/**
 * The blocks open at `offset`: lexes from the start of the top-level
 * statement around it (a point where no block is open) and keeps a stack of
 * the keyword that opened each brace.
 */
function openBlocks(source: CursorSource, upTo: number): ContextBlock[] {
  const from = source.statementStartBefore(upTo);
  const slice = source.text.slice(from, upTo);
  const { tokens } = lex(slice, new LineIndex(slice));
  const stack: ContextBlock[] = [];
  let owner: ContextBlock | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const name = tokens[i]!.tokenType.name;
    const previous = i > 0 ? tokens[i - 1]!.tokenType.name : undefined;
    if (name === 'LCurly') {
      stack.push(owner ?? 'section');
      owner = undefined;
    } else if (name === 'RCurly') {
      stack.pop();
      owner = undefined;
    } else if (BLOCK_OWNERS[name] && !(name === 'Kw_aim' && (previous === 'Kw_national' || previous === 'Kw_supports')) && !(name === 'Kw_action' && previous === 'Kw_supports')) {
      owner = BLOCK_OWNERS[name];
    }
  }
  return stack;
}

export function cursorContext(source: CursorSource, offset: number): CursorContext {
  const lines = source.lines;
  const position = lines.positionAt(offset);
  const lineStart = offset - position.character;
  const before = source.text.slice(lineStart, offset);
  const lexed = lex(before, new LineIndex(before));
  const comment = lexed.comments[0];
  const inComment = comment ? { start: lineStart + comment.range.start.offset, textBefore: comment.text } : undefined;
  const tokens = toCursorTokens(lexed.tokens, lineStart);
  const last = tokens[tokens.length - 1];
  const open = last && last.end === offset && (last.type === 'UnterminatedString' || (last.type === 'CurlyString' && !last.image.endsWith('\u201d')));
  const inString = !inComment && open ? { start: last.start } : undefined;

  const indicator = inComment || inString ? null : /NI[ \t]*-?[ \t]*(\d*)$/.exec(before);
  const indicatorPrefix = indicator && (indicator.index === 0 || /[\s,]/.test(before.charAt(indicator.index - 1))) ? { start: lineStart + indicator.index, digits: indicator[1]! } : undefined;
  const word = /[A-Za-z0-9_.\-]*$/.exec(inString ? before.slice(last!.start - lineStart + 1) : before)![0];
  const prefixStart = indicatorPrefix?.start ?? offset - word.length;
  return {
    offset,
    prefix: indicatorPrefix ? source.text.slice(indicatorPrefix.start, offset) : word,
    prefixStart,
    indicatorPrefix,
    lineTokens: inString ? tokens.slice(0, -1) : tokens.filter((t) => t.end <= prefixStart),
    blocks: openBlocks(source, lineStart),
    inString,
    inComment,
  };
}
