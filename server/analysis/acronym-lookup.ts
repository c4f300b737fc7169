/**
 * What an acronym stands for, and where that is said: the document's own
 * glossary, its framework's glossary, the acronyms the configuration lists,
 * or the text itself ("Crime and Disorder Reduction Partnerships (CDRP)").
 * The same places the undefined-acronym rule looks, in the same order.
 */
import type { GlossaryEntry } from '../../grammar/index.js';
import { inlineDefinition, UNIVERSAL_ACRONYMS } from '../rules/support/acronyms.js';
import type { AnalysedDocument } from './document-model.js';
import type { FrameworkIndex } from './framework-index.js';

export type AcronymSource =
  | { readonly kind: 'glossary'; readonly document: AnalysedDocument; readonly entry: GlossaryEntry }
  | { readonly kind: 'config' }
  | { readonly kind: 'inline' }
  | { readonly kind: 'universal' };

export interface AcronymMeaning {
  readonly term: string;
  /** Undefined when the source names the acronym without expanding it. */
  readonly meaning: string | undefined;
  readonly source: AcronymSource;
}

export function lookupAcronym(
  term: string,
  doc: AnalysedDocument,
  framework: FrameworkIndex | undefined,
  configured: ReadonlyMap<string, string>,
): AcronymMeaning | undefined {
  const own = doc.glossary.get(term);
  if (own) return { term, meaning: own.meaning?.value, source: { kind: 'glossary', document: doc, entry: own } };
  const national = framework && framework.document !== doc ? framework.document.glossary.get(term) : undefined;
  if (national && framework) return { term, meaning: national.meaning?.value, source: { kind: 'glossary', document: framework.document, entry: national } };
  const fromConfig = configured.get(term);
  if (fromConfig !== undefined) return { term, meaning: fromConfig, source: { kind: 'config' } };
  const inline = inlineDefinition(doc.text, term);
  if (inline) return { term, meaning: inline, source: { kind: 'inline' } };
  if (UNIVERSAL_ACRONYMS.has(term)) return { term, meaning: undefined, source: { kind: 'universal' } };
  return undefined;
}

/** Every acronym a document can use without defining it, with its meaning. */
export function knownAcronyms(doc: AnalysedDocument, framework: FrameworkIndex | undefined, configured: ReadonlyMap<string, string>): Map<string, AcronymMeaning> {
  const out = new Map<string, AcronymMeaning>();
  for (const [term, meaning] of configured) out.set(term, { term, meaning, source: { kind: 'config' } });
  if (framework && framework.document !== doc) {
    for (const [term, entry] of framework.document.glossary) out.set(term, { term, meaning: entry.meaning?.value, source: { kind: 'glossary', document: framework.document, entry } });
  }
  for (const [term, entry] of doc.glossary) out.set(term, { term, meaning: entry.meaning?.value, source: { kind: 'glossary', document: doc, entry } });
  return out;
}
