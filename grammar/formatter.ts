/**
 * The canonical printer. It prints the tree, not the tokens, so that every
 * document has exactly one formatted form: `format(format(x)) === format(x)`,
 * and parsing the output gives back the same tree.
 *
 * Comments are kept where the author put them: a comment on its own line
 * stays before the statement that follows it; a comment at the end of a line
 * stays at the end of that statement's line. Blank lines inside blocks are
 * kept (at most one); top-level statements are always one blank line apart.
 */
import type * as A from './ast.js';
import { parse, type SyntaxProblem } from './parse.js';
import { quote } from './strings.js';

const INDENT = '  ';

export type FormatResult = { ok: true; text: string } | { ok: false; problems: readonly SyntaxProblem[] };

/** Formats source text; refuses (returning the problems) when it has syntax errors. */
export function format(text: string): FormatResult {
  const { document, problems } = parse(text);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, text: printDocument(document) };
}

interface Element {
  readonly range: A.Range;
  readonly comment?: A.Comment;
  readonly print?: (p: Printer, depth: number) => void;
}

class Printer {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(private readonly comments: readonly A.Comment[]) {}

  output(): string {
    const text = this.lines.join('\n').replace(/\n{3,}/g, '\n\n');
    return text.length === 0 ? '' : `${text.trimEnd()}\n`;
  }

  line(depth: number, content: string): void {
    this.lines.push(INDENT.repeat(depth) + content);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  appendToLast(content: string): void {
    this.lines[this.lines.length - 1] += content;
  }

  /** Comments not yet printed that start before `offset`. */
  takeCommentsBefore(offset: number): A.Comment[] {
    const out: A.Comment[] = [];
    while (this.next < this.comments.length && this.comments[this.next]!.range.start.offset < offset) {
      out.push(this.comments[this.next++]!);
    }
    return out;
  }

  hasCommentBefore(offset: number): boolean {
    const c = this.comments[this.next];
    return c !== undefined && c.range.start.offset < offset;
  }

  /** The next comment, if it sits on `line` (a trailing comment). */
  takeTrailingComment(line: number, afterOffset: number): A.Comment | undefined {
    const c = this.comments[this.next];
    if (c && c.range.start.line === line && c.range.start.offset >= afterOffset) {
      this.next++;
      return c;
    }
    return undefined;
  }

  /**
   * Prints statements (or entries) and the comments among them, in source
   * order, up to `endOffset` (the closing brace, or the end of the file).
   */
  list(elements: readonly Element[], depth: number, endOffset: number, topLevel: boolean): void {
    let previous: Element | undefined;
    let previousWasStatement = false;
    const emit = (e: Element): void => {
      if (previous) {
        const gap = e.range.start.line - previous.range.end.line > 1;
        if (gap || (topLevel && previousWasStatement)) this.blank();
      }
      if (e.comment) {
        this.line(depth, `//${e.comment.text}`);
      } else if (e.print) {
        e.print(this, depth);
        const trailing = this.takeTrailingComment(e.range.end.line, e.range.end.offset);
        if (trailing) this.appendToLast(`  //${trailing.text}`);
      }
      previous = e;
      previousWasStatement = Boolean(e.print);
    };
    for (const e of elements) {
      for (const c of this.takeCommentsBefore(e.range.start.offset)) emit({ range: c.range, comment: c });
      emit(e);
    }
    for (const c of this.takeCommentsBefore(endOffset)) emit({ range: c.range, comment: c });
  }
}

function printDocument(doc: A.StrategyDocument): string {
  const p = new Printer(doc.comments);
  p.list(doc.items.map(statementElement), 0, Number.POSITIVE_INFINITY, true);
  return p.output();
}

function statementElement(s: A.Statement): Element {
  return { range: s.range, print: (p, depth) => printStatement(p, s, depth) };
}

const id = (i: A.Identifier | undefined): string => (i ? ` ${i.value}` : '');
const title = (t: A.Text | undefined): string => (t ? ` ${quote(t.value)}` : '');
const words = (t: A.Text | undefined): string => (t ? ` ${quote(t.value)}` : '');
const indicator = (i: A.IndicatorRef): string => `NI ${i.code}`;

function printBlock(p: Printer, head: string, node: A.ContainerStatement, depth: number): void {
  p.line(depth, head);
  if (!node.hasBlock) return;
  const headLine = node.title?.range.end.line ?? node.keywordRange.end.line;
  const opening = p.takeTrailingComment(headLine, node.keywordRange.start.offset);
  const closeOffset = node.range.end.offset - 1;
  if (node.items.length === 0 && !opening && !p.hasCommentBefore(closeOffset)) {
    p.appendToLast(' {}');
    return;
  }
  p.appendToLast(' {');
  if (opening) p.appendToLast(`  //${opening.text}`);
  p.list(node.items.map(statementElement), depth + 1, closeOffset, false);
  p.line(depth, '}');
}

function timingSpec(s: A.TimingSpec): string {
  switch (s.type) {
    case 'on':
      return ` ${s.date.text}`;
    case 'between':
      return ` ${s.start.text} to ${s.end.text}`;
    case 'from':
      return ` from ${s.start.text}`;
    case 'by':
      return ` by ${s.end.text}`;
    case 'ongoing':
      return s.start ? ` ongoing from ${s.start.text}` : ' ongoing';
  }
}

function targetText(t: A.TargetStmt): string {
  let out = 'target';
  if (t.direction) out += ` ${t.direction.value}`;
  if (t.value) out += ` ${t.value.text}`;
  if (t.indicator) out += ` ${indicator(t.indicator)}`;
  if (t.baseline) out += ` from ${t.baseline.text}`;
  if (t.deadline) out += ` by ${t.deadline.text}`;
  return out + words(t.words);
}

function printStatement(p: Printer, s: A.Statement, depth: number): void {
  switch (s.kind) {
    case 'strategy':
    case 'priority':
    case 'aim':
    case 'commitment':
    case 'action':
      return printBlock(p, `${s.kind}${id(s.id)}${title(s.title)}`, s, depth);
    case 'framework':
      return printBlock(p, `framework${id(s.id)}${title(s.title)}`, s, depth);
    case 'section':
    case 'outcome':
    case 'narrative':
      return printBlock(p, `${s.kind}${title(s.title)}`, s, depth);
    case 'measure':
      return printBlock(p, `measure${s.indicator ? ` ${indicator(s.indicator)}` : ''}${title(s.title)}`, s, depth);
    case 'frameworkRef':
      return p.line(depth, `framework ${s.refs.map((r) => r.value).join(', ')}`);
    case 'nationalAim':
      return p.line(depth, `national aim${id(s.id)}${title(s.title)}`);
    case 'target':
      return p.line(depth, targetText(s));
    case 'timing':
      return p.line(depth, `timing${s.spec ? timingSpec(s.spec) : ''}${words(s.words)}`);
    case 'owner':
      return p.line(depth, `owner ${s.names.map((n) => (n.quoted ? quote(n.value) : n.value)).join(', ')}`);
    case 'supports':
      return p.line(depth, `supports ${s.target} ${s.refs.map((r) => r.value).join(', ')}`);
    case 'note':
    case 'coverage':
    case 'area':
    case 'vision':
      return p.line(depth, `${s.kind}${words(s.text)}`);
    case 'paragraph':
      return p.line(depth, quote(s.text.value));
    case 'period':
      return p.line(depth, `period ${s.start?.text ?? ''} to ${s.end?.text ?? ''}`);
    case 'status':
      return p.line(depth, `status ${s.value ?? ''}`);
    case 'partners':
      return printEntries(p, `partners${title(s.title)}`, s, depth, s.entries.map((e) => ({ range: e.range, print: (pp, d) => pp.line(d, `${quote(e.name.value)}${e.role ? ` role ${quote(e.role.value)}` : ''}`) })));
    case 'glossary':
      return printEntries(p, `glossary${title(s.title)}`, s, depth, s.entries.map((e) => ({ range: e.range, print: (pp, d) => pp.line(d, `${e.term.quoted ? quote(e.term.value) : e.term.value}${words(e.meaning)}`) })));
  }
}

function printEntries(p: Printer, head: string, s: A.PartnersDecl | A.GlossaryDecl, depth: number, entries: Element[]): void {
  p.line(depth, `${head} {`);
  p.list(entries, depth + 1, s.range.end.offset - 1, false);
  p.line(depth, '}');
}
