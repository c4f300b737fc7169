/**
 * How national actions, aims, frameworks, indicators and acronyms are
 * described to the author, in Markdown: one wording shared by hover,
 * completion documentation and code lenses. Only what the sources say is
 * shown; an indicator whose title no source gives is "title not in the
 * catalogue", never a guess.
 */
import type { ActionDecl, AimDecl, Statement } from '../../grammar/index.js';
import type { AcronymMeaning } from '../analysis/acronym-lookup.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { walkStatements } from '../analysis/walk.js';
import type { FrameworkIndex, NationalAction, NationalAim } from '../analysis/framework-index.js';
import { indicatorLabel, type Indicator, type IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';

export const TITLE_NOT_IN_CATALOGUE = 'title not in the catalogue';

/** Markdown-safe inline text. */
export function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** The source text of a statement after its keyword: `by 2009-03 "By end March 2009"`. */
function afterKeyword(doc: AnalysedDocument, s: Statement): string {
  return doc.text.slice(s.keywordRange.end.offset, s.range.end.offset).trim();
}

/** A property of an action as a reader wants it: text without its quotes, names as a list, dates as written. */
function property(doc: AnalysedDocument, node: ActionDecl | AimDecl, kind: Statement['kind']): string | undefined {
  const found = node.items.find((s) => s.kind === kind);
  if (!found) return undefined;
  switch (found.kind) {
    case 'owner':
      return found.names.map((n) => n.value).join(', ');
    case 'outcome':
      return found.title?.value ?? afterKeyword(doc, found);
    case 'coverage':
      return found.text?.value ?? afterKeyword(doc, found);
    default:
      return afterKeyword(doc, found);
  }
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function indicatorTitle(indicator: Indicator | undefined): string {
  return indicator?.title ?? TITLE_NOT_IN_CATALOGUE;
}

/** Per analysis: a walk of the whole tree, asked for by every indicator completion and hover. */
const wordingsOf = new WeakMap<AnalysedDocument, ReadonlyMap<number, string>>();

/**
 * The titles a document quotes for NI codes (`measure NI 41 "Drug-related
 * offending"`), first quotation of each code: shown, marked as the
 * document's own wording, where the catalogue has no title.
 */
export function documentWordings(doc: AnalysedDocument): ReadonlyMap<number, string> {
  let out = wordingsOf.get(doc);
  if (!out) {
    out = gatherWordings(doc);
    wordingsOf.set(doc, out);
  }
  return out;
}

/**
 * The wordings of each top-level statement, kept while the statement is:
 * after an edit the document is analysed anew, but the incremental reparse
 * keeps every statement the edit did not touch, so the first completion
 * after a keystroke walks only what changed, not the whole document.
 */
const wordingsOfStatement = new WeakMap<Statement, ReadonlyMap<number, string>>();

function gatherWordings(doc: AnalysedDocument): Map<number, string> {
  const out = new Map<number, string>();
  const tree = doc.parsed.document;
  for (const top of tree.items) {
    let part = wordingsOfStatement.get(top);
    if (!part) {
      const found = new Map<number, string>();
      walkStatements({ ...tree, items: [top] }, (s) => {
        if (s.kind !== 'measure' || !s.indicator || !s.title || s.title.value.trim() === '') return;
        if (!found.has(s.indicator.code)) found.set(s.indicator.code, s.title.value);
      });
      wordingsOfStatement.set(top, (part = found));
    }
    for (const [code, wording] of part) if (!out.has(code)) out.set(code, wording);
  }
  return out;
}

export const DOCUMENT_WORDING = "this document's wording; the catalogue has no title";

export function describeIndicator(code: number, catalogue: IndicatorCatalogue, wording?: string): string {
  const indicator = catalogue.get(code);
  const label = indicatorLabel(code);
  if (!indicator) {
    const why = code === 31 ? ' (NI 31 was dropped before the set was published)' : '';
    return `**${label}** is not in the National Indicator Set${why}: the set runs NI 1–30 and NI 32–199. A workspace can add its own under \`indicators\` in strategy.config.json.`;
  }
  const title = indicator.title ? md(indicator.title) : wording ? `“${md(wording)}” _(${DOCUMENT_WORDING})_` : `_${TITLE_NOT_IN_CATALOGUE}_`;
  const lines = [`**${label}** — ${title}`];
  const facts: string[] = [];
  if (indicator.theme) facts.push(`Theme: ${md(indicator.theme)}`);
  if (indicator.psa) facts.push(`PSA: ${md(indicator.psa)}`);
  if (facts.length > 0) lines.push('', facts.join(' · '));
  if (indicator.title && indicator.quality && indicator.quality !== 'official') {
    const why = { council: 'as a council document quotes it', informal: 'as an informal source gives it (shorthand)', configured: 'as this workspace configures it' }[indicator.quality];
    lines.push('', `_Title ${why}._`);
  }
  return lines.join('\n');
}

export function describeAction(action: NationalAction, framework: FrameworkIndex): string {
  const doc = framework.document;
  const node = action.node;
  const where = [`framework \`${framework.id}\``];
  if (action.aim?.id) where.push(`aim ${md(action.aim.id.value)}${action.aim.title ? ` — ${md(shorten(action.aim.title.value, 80))}` : ''}`);
  const lines = [`**National action ${md(action.number)}** · ${where.join(' · ')}`, '', node.title ? md(node.title.value) : '_(no text)_'];
  const facts: [string, string | undefined][] = [
    ['Owner', property(doc, node, 'owner')],
    ['Timing', property(doc, node, 'timing')],
    ['Outcome', property(doc, node, 'outcome')],
    ['Coverage', property(doc, node, 'coverage')],
    ['Target', property(doc, node, 'target')],
  ];
  const shown = facts.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
  if (shown.length > 0) lines.push('', ...shown.map(([k, v]) => `- **${k}:** ${md(v)}`));
  return lines.join('\n');
}

export function describeAim(aim: NationalAim, framework: FrameworkIndex): string {
  const actions = [...framework.actions.values()].filter((a) => a.aim === aim.node).map((a) => a.number);
  const lines = [`**National aim ${md(aim.code)}** · framework \`${framework.id}\``, '', aim.node.title ? md(aim.node.title.value) : '_(no title)_'];
  if (aim.priority?.title) lines.push('', `Priority${aim.priority.id ? ` ${md(aim.priority.id.value)}` : ''}: ${md(aim.priority.title.value)}`);
  if (actions.length > 0) lines.push('', `Actions ${actions.join(', ')}`);
  return lines.join('\n');
}

export function describeFramework(framework: FrameworkIndex): string {
  const header = framework.document.header;
  const period = framework.document.period;
  const lines = [`**Framework \`${framework.id}\`**${framework.title ? ` — ${md(framework.title)}` : ''}`];
  const facts: string[] = [];
  if (period) facts.push(`${period.start.text} to ${period.end.text}`);
  const status = header?.items.find((s) => s.kind === 'status');
  if (status?.kind === 'status' && status.value) facts.push(status.value);
  facts.push(`${framework.aims.size} aims`, `${framework.actions.size} actions`);
  lines.push('', facts.join(' · '));
  return lines.join('\n');
}

export function describeAcronym(found: AcronymMeaning | undefined, term: string, frameworkId: string | undefined): string {
  if (!found) return `**${md(term)}** is not defined in the glossary${frameworkId ? ` or framework \`${frameworkId}\`'s` : ''}.`;
  const meaning = found.meaning ? md(found.meaning) : '_(no meaning given)_';
  const source = found.source;
  const from =
    source.kind === 'glossary'
      ? source.document.kind === 'framework' && source.document.frameworkId
        ? `glossary of framework \`${source.document.frameworkId}\``
        : 'glossary of this document'
      : source.kind === 'config'
        ? '`acronyms` in strategy.config.json or the editor settings'
        : source.kind === 'inline'
          ? 'defined in the text'
          : 'known to every reader';
  return `**${md(term)}** — ${meaning}\n\n_${from}_`;
}
