/**
 * The outline: header › priority › section › commitment (and, in a
 * framework, priority › aim › action), with measures, outcomes, narratives,
 * partners and glossary entries where they stand.
 */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { Statement } from '../../grammar/index.js';
import { toLspRange } from './conversions.js';
import { shorten } from './descriptions.js';
import { keyOf } from './document-keys.js';
import type { Project } from './project.js';

const KINDS: Partial<Record<Statement['kind'], SymbolKind>> = {
  strategy: SymbolKind.File,
  framework: SymbolKind.File,
  priority: SymbolKind.Namespace,
  section: SymbolKind.Package,
  aim: SymbolKind.Class,
  outcome: SymbolKind.Struct,
  commitment: SymbolKind.Function,
  action: SymbolKind.Method,
  measure: SymbolKind.Property,
  narrative: SymbolKind.String,
  partners: SymbolKind.Array,
  glossary: SymbolKind.Array,
};

function nameOf(s: Statement): string {
  const id = 'id' in s && s.id ? s.id.value : undefined;
  const title = 'title' in s && s.title ? shorten(s.title.value, 90) : undefined;
  if (s.kind === 'measure' && s.indicator) return `NI ${s.indicator.code}${title ? ` ${title}` : ''}`;
  if (id && title) return `${id} ${title}`;
  return id ?? title ?? s.kind;
}

function symbolsOf(items: readonly Statement[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of items) {
    const kind = KINDS[s.kind];
    if (kind === undefined) continue;
    const selection = ('id' in s && s.id?.range) || ('title' in s && s.title?.range) || s.keywordRange;
    const symbol: DocumentSymbol = { name: nameOf(s), detail: s.kind, kind, range: toLspRange(s.range), selectionRange: toLspRange(selection) };
    if (s.kind === 'glossary') {
      symbol.children = s.entries.map((e) => ({
        name: e.term.value,
        detail: e.meaning?.value ?? '',
        kind: SymbolKind.Constant,
        range: toLspRange(e.range),
        selectionRange: toLspRange(e.term.range),
      }));
    } else if (s.kind === 'partners') {
      symbol.children = s.entries.map((e) => ({ name: e.name.value, detail: e.role?.value ?? '', kind: SymbolKind.Object, range: toLspRange(e.range), selectionRange: toLspRange(e.name.range) }));
    } else if ('items' in s) {
      const children = symbolsOf(s.items);
      if (children.length > 0) symbol.children = children;
    }
    out.push(symbol);
  }
  return out;
}

export function provideDocumentSymbols(project: Project, params: DocumentSymbolParams): DocumentSymbol[] {
  const doc = project.analysed(keyOf(params.textDocument.uri));
  return doc ? symbolsOf(doc.parsed.document.items) : [];
}
