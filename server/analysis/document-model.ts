/**
 * A parsed document with the facts the rules and the language features ask
 * for again and again (kind, header, period, glossary), computed once.
 */
import {
  parse,
  type DateValue,
  type FrameworkDecl,
  type GlossaryEntry,
  type Identifier,
  type ParseResult,
  type StrategyDecl,
} from '../../grammar/index.js';

export interface AnalysedDocument {
  /** The document's identity: a file path in the CLI, a URI in the language server. */
  readonly uri: string;
  readonly text: string;
  readonly version: number;
  readonly parsed: ParseResult;
  readonly kind: 'strategy' | 'framework' | undefined;
  readonly header: StrategyDecl | FrameworkDecl | undefined;
  /** A framework's own id (`framework drugs-2008 "…"`). */
  readonly frameworkId: string | undefined;
  readonly period: { readonly start: DateValue; readonly end: DateValue } | undefined;
  /** The frameworks a strategy names in its header. */
  readonly frameworkRefs: readonly Identifier[];
  /** Glossary terms, first definition wins. */
  readonly glossary: ReadonlyMap<string, GlossaryEntry>;
}

/** `parsed`, when given, is `parse(text)` already done (the language server's incremental reparse). */
export function analyseDocument(uri: string, text: string, version = 0, parsed: ParseResult = parse(text)): AnalysedDocument {
  const header = parsed.document.items.find((s): s is StrategyDecl | FrameworkDecl => s.kind === 'strategy' || s.kind === 'framework');
  let period: AnalysedDocument['period'];
  const frameworkRefs: Identifier[] = [];
  for (const item of header?.items ?? []) {
    if (item.kind === 'period' && item.start && item.end && !period) period = { start: item.start, end: item.end };
    if (item.kind === 'frameworkRef') for (const ref of item.refs) frameworkRefs.push(ref);
  }
  const glossary = new Map<string, GlossaryEntry>();
  for (const item of parsed.document.items) {
    if (item.kind !== 'glossary') continue;
    for (const entry of item.entries) if (!glossary.has(entry.term.value)) glossary.set(entry.term.value, entry);
  }
  return {
    uri,
    text,
    version,
    parsed,
    kind: header?.kind,
    header,
    frameworkId: header?.kind === 'framework' ? header.id?.value : undefined,
    period,
    frameworkRefs,
    glossary,
  };
}
