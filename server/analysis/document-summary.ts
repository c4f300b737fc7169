/**
 * What the workspace index keeps of a file: its kind, the framework it
 * declares or names, its declarations (priorities, aims, commitments,
 * actions) and its references to national actions, aims and indicators.
 *
 * Open documents are summarised from their tree (`summariseDocument`); files
 * on disk by a token scan (`summary-scanner.ts`) that is several times
 * faster than a full parse. Tests hold both to the same summary of every
 * fixture and seed.
 *
 * A thousand files hold some 170,000 declarations and 450,000 references, so
 * a summary keeps no tree and no source text, and packs its positions into
 * typed arrays (an object per reference would cost three times the memory:
 * Node does not compress pointers). Strings are copied out of the source (a
 * slice would keep the whole file alive) and codes are interned.
 */
import { ownString, type Range, type Statement } from '../../grammar/index.js';
import type { AnalysedDocument } from './document-model.js';
import { walkStatements } from './walk.js';

/** 0-based lines and UTF-16 characters, as LSP counts them. */
export interface CompactRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export const SYMBOL_KINDS = ['strategy', 'framework', 'priority', 'section', 'aim', 'commitment', 'action'] as const;
export type SummarySymbolKind = (typeof SYMBOL_KINDS)[number];
const REFERENCE_TARGETS = ['action', 'aim', 'indicator'] as const;
export type ReferenceTarget = (typeof REFERENCE_TARGETS)[number];
const REFERENCE_VIAS = ['supports', 'nationalAim', 'measure', 'target'] as const;
export type ReferenceVia = (typeof REFERENCE_VIAS)[number];

/** A declaration, as the index hands it out (built on request from the packed table). */
export interface SummarySymbol {
  readonly kind: SummarySymbolKind;
  readonly id: string | undefined;
  readonly title: string | undefined;
  /** From the keyword to the closing brace (or the end of the statement). */
  readonly range: CompactRange;
  /** The id, else the title, else the keyword: what a jump to the symbol selects. */
  readonly selection: CompactRange;
  /** Index of the enclosing declaration, or -1 at the top level. */
  readonly parent: number;
}

/** A reference to a national action, aim or indicator (one token, so one line). */
export interface SummaryReference {
  readonly target: ReferenceTarget;
  /** The action number, aim code or indicator number as written (`40`, `PC.1`, `40`). */
  readonly value: string;
  readonly range: CompactRange;
  /** `supports action 40`, `national aim PC.1`, or an indicator in a measure or target. */
  readonly via: ReferenceVia;
  /** Index of the declaration the reference stands in, or -1. */
  readonly parent: number;
}

const SYMBOL_FIELDS = 8; // startLine, startCharacter, endLine, endCharacter, selectionLine, selectionStart, selectionEnd, parent
const REFERENCE_FIELDS = 5; // line, startCharacter, endCharacter, parent, target * 8 + via

export class SymbolTable implements Iterable<SummarySymbol> {
  constructor(
    private readonly numbers: Int32Array,
    private readonly kinds: Uint8Array,
    private readonly ids: readonly (string | undefined)[],
    private readonly titles: readonly (string | undefined)[],
  ) {}

  get length(): number {
    return this.kinds.length;
  }

  kind(i: number): SummarySymbolKind {
    return SYMBOL_KINDS[this.kinds[i]!]!;
  }

  id(i: number): string | undefined {
    return this.ids[i];
  }

  title(i: number): string | undefined {
    return this.titles[i];
  }

  startLine(i: number): number {
    return this.numbers[i * SYMBOL_FIELDS]!;
  }

  at(i: number): SummarySymbol | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const n = this.numbers;
    const o = i * SYMBOL_FIELDS;
    return {
      kind: this.kind(i),
      id: this.ids[i],
      title: this.titles[i],
      range: { startLine: n[o]!, startCharacter: n[o + 1]!, endLine: n[o + 2]!, endCharacter: n[o + 3]! },
      selection: { startLine: n[o + 4]!, startCharacter: n[o + 5]!, endLine: n[o + 4]!, endCharacter: n[o + 6]! },
      parent: n[o + 7]!,
    };
  }

  *[Symbol.iterator](): Iterator<SummarySymbol> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

export class ReferenceTable implements Iterable<SummaryReference> {
  constructor(
    private readonly numbers: Int32Array,
    private readonly values: readonly string[],
  ) {}

  get length(): number {
    return this.values.length;
  }

  target(i: number): ReferenceTarget {
    return REFERENCE_TARGETS[this.numbers[i * REFERENCE_FIELDS + 4]! >> 3]!;
  }

  value(i: number): string {
    return this.values[i]!;
  }

  at(i: number): SummaryReference | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const n = this.numbers;
    const o = i * REFERENCE_FIELDS;
    return {
      target: this.target(i),
      value: this.values[i]!,
      range: { startLine: n[o]!, startCharacter: n[o + 1]!, endLine: n[o]!, endCharacter: n[o + 2]! },
      via: REFERENCE_VIAS[n[o + 4]! & 7]!,
      parent: n[o + 3]!,
    };
  }

  *[Symbol.iterator](): Iterator<SummaryReference> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

export interface FrameworkName {
  readonly value: string;
  readonly range: CompactRange;
}

export interface DocumentSummary {
  readonly key: string;
  readonly kind: 'strategy' | 'framework' | undefined;
  readonly frameworkId: string | undefined;
  /** Frameworks a strategy names in its header. */
  readonly frameworkRefs: readonly FrameworkName[];
  readonly symbols: SymbolTable;
  readonly references: ReferenceTable;
}

export function compact(range: Range): CompactRange {
  return { startLine: range.start.line, startCharacter: range.start.character, endLine: range.end.line, endCharacter: range.end.character };
}

const interned = new Map<string, string>();

/** One string per distinct code: the same few hundred action numbers and aim codes recur across a workspace. */
export function internCode(value: string): string {
  let known = interned.get(value);
  if (known === undefined) {
    known = ownString(value);
    if (interned.size < 100_000) interned.set(known, known);
  }
  return known;
}

/** Collects a summary's declarations and references, then packs them. */
export class SummaryBuilder {
  private readonly symbolNumbers: number[] = [];
  private readonly kinds: number[] = [];
  private readonly ids: (string | undefined)[] = [];
  private readonly titles: (string | undefined)[] = [];
  private readonly referenceNumbers: number[] = [];
  private readonly values: string[] = [];

  /** Adds a declaration; returns its index. Ranges are start line/character, end line/character; the selection is one line. */
  addSymbol(
    kind: SummarySymbolKind,
    id: string | undefined,
    title: string | undefined,
    range: readonly [number, number, number, number],
    selection: readonly [number, number, number],
    parent: number,
  ): number {
    this.kinds.push(SYMBOL_KINDS.indexOf(kind));
    this.ids.push(id === undefined ? undefined : internCode(id));
    this.titles.push(title === undefined ? undefined : ownString(title));
    this.symbolNumbers.push(...range, ...selection, parent);
    return this.kinds.length - 1;
  }

  /** Where a declaration's block closes, once a scan reaches its brace. */
  endSymbolAt(index: number, line: number, character: number): void {
    this.symbolNumbers[index * SYMBOL_FIELDS + 2] = line;
    this.symbolNumbers[index * SYMBOL_FIELDS + 3] = character;
  }

  addReference(target: ReferenceTarget, value: string, line: number, startCharacter: number, endCharacter: number, via: ReferenceVia, parent: number): void {
    this.values.push(internCode(value));
    this.referenceNumbers.push(line, startCharacter, endCharacter, parent, (REFERENCE_TARGETS.indexOf(target) << 3) | REFERENCE_VIAS.indexOf(via));
  }

  build(key: string, kind: DocumentSummary['kind'], frameworkId: string | undefined, frameworkRefs: readonly FrameworkName[]): DocumentSummary {
    return {
      key,
      kind,
      frameworkId: frameworkId === undefined ? undefined : ownString(frameworkId),
      frameworkRefs: frameworkRefs.map((r) => ({ value: ownString(r.value), range: r.range })),
      symbols: new SymbolTable(Int32Array.from(this.symbolNumbers), Uint8Array.from(this.kinds), this.ids, this.titles),
      references: new ReferenceTable(Int32Array.from(this.referenceNumbers), this.values),
    };
  }
}

const SYMBOL_KIND_SET: ReadonlySet<string> = new Set<string>(SYMBOL_KINDS);

function isSymbolStatement(s: Statement): s is Extract<Statement, { kind: SummarySymbolKind }> {
  return SYMBOL_KIND_SET.has(s.kind);
}

/** The summary of a parsed document, from its tree. */
export function summariseDocument(doc: AnalysedDocument): DocumentSummary {
  const builder = new SummaryBuilder();
  const indexOf = new Map<Statement, number>();
  const enclosing = (ancestors: readonly Statement[]): number => {
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const at = indexOf.get(ancestors[i]!);
      if (at !== undefined) return at;
    }
    return -1;
  };
  walkStatements(doc.parsed.document, (node, ancestors) => {
    if (isSymbolStatement(node)) {
      const id = 'id' in node ? node.id : undefined;
      const selection = id?.range ?? node.title?.range ?? node.keywordRange;
      const r = node.range;
      const index = builder.addSymbol(
        node.kind,
        id?.value,
        node.title?.value,
        [r.start.line, r.start.character, r.end.line, r.end.character],
        [selection.start.line, selection.start.character, selection.end.character],
        enclosing(ancestors),
      );
      indexOf.set(node, index);
      return;
    }
    const reference = (target: ReferenceTarget, value: string, range: Range, via: ReferenceVia): void =>
      builder.addReference(target, value, range.start.line, range.start.character, range.end.character, via, enclosing(ancestors));
    switch (node.kind) {
      case 'supports':
        for (const ref of node.refs) reference(node.target, ref.value, ref.range, 'supports');
        break;
      case 'nationalAim':
        if (node.id) reference('aim', node.id.value, node.id.range, 'nationalAim');
        break;
      case 'measure':
      case 'target':
        if (node.indicator) reference('indicator', String(node.indicator.code), node.indicator.range, node.kind);
        break;
      default:
        break;
    }
  });
  return builder.build(
    doc.uri,
    doc.kind,
    doc.frameworkId,
    doc.frameworkRefs.map((r) => ({ value: r.value, range: compact(r.range) })),
  );
}
