/**
 * Every occurrence of a thing across the workspace: the declaration of
 * national action 40 and every `supports action 40` of the strategies that
 * answer to its framework; a framework's id and every header naming it; an
 * indicator's uses; an acronym's glossary entry and its uses. References,
 * rename and code lenses all count from here.
 */
import type { Range, Statement } from '../../grammar/index.js';
import { findAcronyms } from '../rules/support/acronyms.js';
import { lookupAcronym } from './acronym-lookup.js';
import type { AnalysedDocument } from './document-model.js';
import { compact, type CompactRange, type SummarySymbol } from './document-summary.js';
import type { FrameworkIndex } from './framework-index.js';
import type { SymbolTarget } from './symbol-at.js';
import { walkStatements } from './walk.js';
import type { Checkpoint, WorkspaceIndex } from './workspace-index.js';
import type { Workspace } from './workspace.js';

export interface Occurrence {
  readonly key: string;
  readonly range: CompactRange;
  readonly declaration: boolean;
  /** For a reference: the declaration it stands in (the commitment that supports an action). */
  readonly container?: SummarySymbol;
  /** An acronym written in prose rather than as a code (renaming it rewrites running text). */
  readonly inProse?: boolean;
}

export interface FinderContext {
  readonly workspace: Workspace;
  readonly index: WorkspaceIndex;
  /** The framework `doc` answers to. */
  readonly framework: FrameworkIndex | undefined;
  readonly configuredAcronyms: ReadonlyMap<string, string>;
  readonly checkpoint?: Checkpoint;
}

/** Uses of `term` in a document: glossary entries, bare owner names and acronyms written in its texts. */
export function acronymUses(doc: AnalysedDocument, term: string): Occurrence[] {
  const out: Occurrence[] = [];
  const text = doc.text;
  const prose = (t: { value: string; range: Range } | undefined): void => {
    if (!t) return;
    const quoted = text.charAt(t.range.start.offset) === '"' || text.charAt(t.range.start.offset) === '\u201c' ? 1 : 0;
    for (const use of findAcronyms(t.value)) {
      if (use.acronym !== term) continue;
      const start = t.range.start.offset + quoted + use.index;
      // Where escapes moved the text, the offset is not exact: leave such a use alone.
      if (text.slice(start, start + term.length) !== term) continue;
      out.push({ key: doc.uri, range: compact(doc.parsed.lines.rangeOf(start, start + term.length)), declaration: false, inProse: true });
    }
  };
  walkStatements(doc.parsed.document, (s: Statement) => {
    switch (s.kind) {
      case 'glossary':
        for (const e of s.entries) {
          if (e.term.value === term) out.push({ key: doc.uri, range: compact(e.term.range), declaration: true });
          prose(e.meaning);
        }
        return;
      case 'owner':
        for (const n of s.names) {
          if (!n.quoted && n.value === term) out.push({ key: doc.uri, range: compact(n.range), declaration: false });
          else if (n.quoted) prose(n);
        }
        return;
      case 'partners':
        for (const e of s.entries) {
          prose(e.name);
          prose(e.role);
        }
        return;
      case 'note':
        return;
      default:
        if ('title' in s) prose(s.title);
        if ('words' in s) prose(s.words);
        if ('text' in s) prose(s.text);
    }
  });
  return out;
}

export async function findOccurrences(target: SymbolTarget, doc: AnalysedDocument, context: FinderContext): Promise<Occurrence[]> {
  const { workspace, index, framework, checkpoint } = context;
  switch (target.kind) {
    case 'action':
    case 'aim': {
      if (!framework) return [];
      const value = target.kind === 'action' ? target.number : target.code;
      const declared = target.kind === 'action' ? framework.actions.get(value)?.node : framework.aims.get(value)?.node;
      const out: Occurrence[] = [];
      if (declared?.id) out.push({ key: framework.document.uri, range: compact(declared.id.range), declaration: true });
      for (const hit of await index.referencesTo(framework, target.kind, value, workspace, checkpoint)) {
        out.push({ key: hit.summary.key, range: hit.reference.range, declaration: false, container: hit.container });
      }
      return out;
    }
    case 'framework': {
      const out: Occurrence[] = [];
      for (const d of workspace.frameworkDocuments(target.id)) {
        if (d.header?.kind === 'framework' && d.header.id) out.push({ key: d.uri, range: compact(d.header.id.range), declaration: true });
      }
      for (const s of index.strategiesNaming(target.id)) {
        for (const r of s.frameworkRefs) if (r.value === target.id) out.push({ key: s.key, range: r.range, declaration: false });
      }
      return out;
    }
    case 'indicator':
      return (await index.referencesTo(undefined, 'indicator', String(target.code), workspace, checkpoint)).map((hit) => ({
        key: hit.summary.key,
        range: hit.reference.range,
        declaration: false,
        container: hit.container,
      }));
    case 'acronym': {
      const found = lookupAcronym(target.term, doc, framework, context.configuredAcronyms);
      const declaring = found?.source.kind === 'glossary' ? found.source.document : undefined;
      const docs = declaring && declaring !== doc ? [declaring, doc] : [doc];
      return docs.flatMap((d) => acronymUses(d, target.term));
    }
    case 'localId':
      return [{ key: doc.uri, range: compact(target.range), declaration: true }];
    default:
      return [];
  }
}
