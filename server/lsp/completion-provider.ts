/**
 * Completion, aware of where the cursor is:
 * - `measure NI 4|` and anywhere an indicator goes: NI codes with their
 *   titles, ranked so that NI 4, NI 40, NI 41… come first;
 * - `supports action |`: the framework's action numbers with their text;
 *   `supports aim |`, `national aim |`: its aim codes with their titles;
 * - `owner |`: the framework's departments, the strategy's partners, the
 *   owners already named, the glossary's acronyms;
 * - `framework |` in a strategy header: the frameworks of the workspace;
 * - `status |`, `target |`, `timing |`: the values and words that may follow;
 * - at the start of a line: the statements that may stand in that block, as
 *   snippets, and a whole commitment skeleton;
 * - in a glossary: the acronyms the document uses but does not define;
 * - in a suppression comment: rule ids.
 */
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Range as LspRange,
} from 'vscode-languageserver';
import { DIRECTIONS, STATUS_VALUES, quote, statementsAllowedIn, type Statement, type StatementKind } from '../../grammar/index.js';
import { rankFrameworkItems } from '../analysis/action-linker.js';
import { knownAcronyms } from '../analysis/acronym-lookup.js';
import { cursorContext, type CursorContext, type ContextBlock } from '../analysis/cursor-context.js';
import type { TextView } from './text-view.js';
import * as z from 'zod/mini';
import '../../grammar/zod-messages.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import type { FrameworkIndex, NationalAction, NationalAim } from '../analysis/framework-index.js';
import { frameworkIndexOf } from '../analysis/framework-index.js';
import { statementPathAt } from '../analysis/symbol-at.js';
import { walkStatements } from '../analysis/walk.js';
import type { IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';
import type { WorkspaceOwner } from '../analysis/workspace-owners.js';
import { RULE_IDS, ruleMeta } from '../rules/registry.js';
import { splitNumber } from '../rules/numbering-gap.js';
import { commitmentSkeleton, keywordDoc, statementSnippet, type SnippetContext } from './completion-snippets.js';
import { describeAction, describeAim, describeFramework, describeIndicator, documentWordings, DOCUMENT_WORDING, indicatorTitle, shorten } from './descriptions.js';
import { keyOf } from './document-keys.js';
import type { Project } from './project.js';

const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

interface Where {
  /** The last analysis: its tree may be older than the text completion reads (`view`). */
  readonly doc: AnalysedDocument;
  readonly view: TextView;
  /** The cursor's offset in the last analysis's tree. */
  readonly treeOffset: number;
  readonly context: CursorContext;
  readonly framework: FrameworkIndex | undefined;
  readonly catalogue: IndicatorCatalogue;
  readonly configuredAcronyms: ReadonlyMap<string, string>;
  /** The range the chosen item replaces: the word being typed. */
  readonly replace: LspRange;
  /** Set where the client resolves documentation lazily: the long lists carry `data` for `completionItem/resolve` instead. */
  readonly lazy: LazyDocs | undefined;
}

/**
 * What `completionItem/resolve` needs to describe an item of the long lists
 * (actions, aims, indicators): which document's completion it came from and
 * what it names. Their documentation was most of a completion's bytes (240
 * actions: 250 KB of JSON per keystroke) and a third of its time.
 */
type Named = { readonly action: string } | { readonly aim: string } | { readonly indicator: number };
export type CompletionData = Named & { readonly uri: string };

interface LazyDocs {
  readonly uri: string;
}

/** The documentation of an item: as Markdown, or (lazy) the data its resolve reads. */
function documented(w: Where, data: Named, value: () => string): Pick<CompletionItem, 'documentation' | 'data'> {
  return w.lazy ? { data: { uri: w.lazy.uri, ...data } } : { documentation: { kind: MarkupKind.Markdown, value: value() } };
}

function sortKey(rank: number): string {
  return String(rank).padStart(5, '0');
}

// ── indicators ──────────────────────────────────────────────────────────────

/** NI codes matching what was typed: `NI 4` → NI 4, NI 40…NI 49, ranked in that order. */
function indicatorItems(w: Where): CompletionItem[] {
  const digits = w.context.indicatorPrefix?.digits ?? '';
  const items: CompletionItem[] = [];
  const wordings = documentWordings(w.doc);
  for (const indicator of w.catalogue.all()) {
    const code = String(indicator.code);
    if (!code.startsWith(digits)) continue;
    const label = `NI ${code}`;
    const wording = indicator.title ? undefined : wordings.get(indicator.code);
    const title = wording ? `“${wording}” (${DOCUMENT_WORDING})` : indicatorTitle(indicator);
    // Exact code first, then by length (NI 4 before NI 40…), then numerically.
    const rank = (code === digits ? 0 : 1000) + code.length * 200 + indicator.code;
    items.push({
      label,
      labelDetails: { description: shorten(title, 60) },
      kind: CompletionItemKind.EnumMember,
      detail: title,
      ...documented(w, { indicator: indicator.code }, () => describeIndicator(indicator.code, w.catalogue, wording)),
      // Typing words of a title (`measure drug`) finds the indicator too.
      filterText: `${label} ${indicator.title ?? wording ?? ''}`,
      sortText: sortKey(rank),
      textEdit: { range: w.replace, newText: label },
    });
  }
  return items;
}

// ── the framework: actions, aims, frameworks ────────────────────────────────

/**
 * Each action's and aim's description, made once per framework analysis
 * (its index's items are made anew when the framework is analysed again):
 * every `supports action` completion describes all of them.
 */
const actionDocs = new WeakMap<NationalAction, string>();
const aimDocs = new WeakMap<NationalAim, string>();

function remembered<K extends object>(docs: WeakMap<K, string>, key: K, describe: () => string): string {
  let doc = docs.get(key);
  if (doc === undefined) docs.set(key, (doc = describe()));
  return doc;
}

const actionDoc = (a: NationalAction, framework: FrameworkIndex): string => remembered(actionDocs, a, () => describeAction(a, framework));
const aimDoc = (a: NationalAim, framework: FrameworkIndex): string => remembered(aimDocs, a, () => describeAim(a, framework));

/** The commitment (or else the priority) the cursor is in, with its ancestors: what the ranked suggestions should match. */
function enclosingBlock(w: Where): { block: Statement | undefined; ancestors: Statement[] } {
  const path = statementPathAt(w.doc.parsed.document, w.treeOffset);
  const kinds = path.map((s) => s.kind);
  const at = kinds.lastIndexOf('commitment') >= 0 ? kinds.lastIndexOf('commitment') : kinds.lastIndexOf('priority');
  return at < 0 ? { block: undefined, ancestors: [] } : { block: path[at], ancestors: path.slice(0, at) };
}

/**
 * Actions and aims ranked by how well they match the words of the
 * commitment (or priority) they are for: BM25, as "Link to national action"
 * ranks them. Those matching no word follow in framework order.
 */
function rankedFor<K extends 'action' | 'aim'>(w: Where, kind: K, framework: FrameworkIndex) {
  const { block, ancestors } = enclosingBlock(w);
  return rankFrameworkItems(kind, block, ancestors, w.doc, framework);
}

function actionItems(w: Where, already: ReadonlySet<string>): CompletionItem[] {
  const framework = w.framework;
  if (!framework) return [];
  const ranked = rankedFor(w, 'action', framework).filter((r) => !already.has(r.item.number));
  return ranked
    .map(({ item: a, score }, i) => {
      const title = a.node.title?.value ?? '';
      return {
        label: a.number,
        labelDetails: { description: shorten(title, 60) },
        kind: CompletionItemKind.Reference,
        detail: title,
        preselect: i === 0 && score > 0,
        ...documented(w, { action: a.number }, () => actionDoc(a, framework)),
        // Words of the action's text find it too: `supports action treatment`.
        filterText: `${a.number} ${title}`,
        sortText: sortKey(i),
        textEdit: { range: w.replace, newText: a.number },
      };
    });
}

function aimItems(w: Where, already: ReadonlySet<string>): CompletionItem[] {
  const framework = w.framework;
  if (!framework) return [];
  const ranked = rankedFor(w, 'aim', framework).filter((r) => !already.has(r.item.code));
  return ranked
    .map(({ item: a, score }, i) => {
      const title = a.node.title?.value ?? '';
      return {
        label: a.code,
        labelDetails: { description: shorten(title, 60) },
        kind: CompletionItemKind.Class,
        detail: title,
        preselect: i === 0 && score > 0,
        ...documented(w, { aim: a.code }, () => aimDoc(a, framework)),
        filterText: `${a.code} ${title}`,
        sortText: sortKey(i),
        textEdit: { range: w.replace, newText: a.code },
      };
    });
}

function frameworkItems(project: Project, w: Where): CompletionItem[] {
  return project.workspace.frameworkIds().flatMap((id) => {
    const doc = project.workspace.frameworkDocuments(id)[0];
    const index = doc ? frameworkIndexOf(doc) : undefined;
    if (!index) return [];
    return [
      {
        label: id,
        labelDetails: index.title ? { description: shorten(index.title, 60) } : undefined,
        kind: CompletionItemKind.Module,
        detail: index.title,
        documentation: { kind: MarkupKind.Markdown, value: describeFramework(index) },
        textEdit: { range: w.replace, newText: id },
      },
    ];
  });
}

// ── owners ─────────────────────────────────────────────────────────────────

function ownerItems(w: Where, inQuotes: boolean, elsewhere: readonly WorkspaceOwner[]): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  const acronyms = knownAcronyms(w.doc, w.framework, w.configuredAcronyms);
  const add = (name: string, quoted: boolean, detail: string | undefined, rank: number, source: string): void => {
    if (items.has(name) || (inQuotes && !quoted)) return;
    items.set(name, {
      label: quoted && !inQuotes ? quote(name) : name,
      labelDetails: { description: source },
      kind: quoted ? CompletionItemKind.Value : CompletionItemKind.Constant,
      detail,
      filterText: quoted && !inQuotes ? `"${name}` : name,
      sortText: sortKey(rank * 1000 + items.size),
      textEdit: { range: w.replace, newText: quoted && !inQuotes ? quote(name) : name },
    });
  };
  // The strategy's own partners and owners first: they are who usually owns a local commitment.
  walkStatements(w.doc.parsed.document, (s) => {
    if (s.kind === 'partners') for (const e of s.entries) add(e.name.value, true, e.role?.value, 0, 'partner');
  });
  walkStatements(w.doc.parsed.document, (s) => {
    if (s.kind !== 'owner') return;
    for (const n of s.names) {
      // The name being typed is not a suggestion for itself.
      if (n.range.start.offset <= w.treeOffset && w.treeOffset <= n.range.end.offset) continue;
      add(n.value, n.quoted, n.quoted ? undefined : acronyms.get(n.value)?.meaning, 1, 'owner here');
    }
  });
  // Then who owns things elsewhere in the workspace, most used first.
  for (const o of elsewhere) {
    add(o.name, o.quoted, o.quoted ? undefined : acronyms.get(o.name)?.meaning, 2, `${o.partner ? 'partner' : 'owner'} in ${o.files} other file${o.files === 1 ? '' : 's'}`);
  }
  for (const department of w.framework?.departments ?? []) {
    const meaning = acronyms.get(department)?.meaning;
    add(department, /\s/.test(department), meaning, 3, `framework ${w.framework!.id}`);
  }
  // Glossary acronyms last: most are not owners (EU, UAE), but some are.
  for (const [term, found] of acronyms) add(term, false, found.meaning, 4, 'glossary');
  return [...items.values()];
}

// ── keywords and statements ─────────────────────────────────────────────────

function nextId(ids: readonly string[], fallbackPrefix: string): string {
  let best: { prefix: string; number: number } | undefined;
  for (const id of ids) {
    const split = splitNumber(id);
    if (split && (!best || split.number >= best.number)) best = split;
  }
  return best ? `${best.prefix}${best.number + 1}` : `${fallbackPrefix}1`;
}

function snippetContext(w: Where): SnippetContext {
  const doc = w.doc;
  const path = statementPathAt(doc.parsed.document, w.treeOffset);
  const container = [...path].reverse().find((s) => s.kind === 'priority' || s.kind === 'aim' || s.kind === 'section');
  const priority = [...path].reverse().find((s) => s.kind === 'priority');
  const commitmentIds: string[] = [];
  const scope = container && 'items' in container ? container.items : doc.parsed.document.items;
  walkStatements({ kind: 'document', items: scope, comments: [], range: doc.parsed.document.range }, (s) => {
    if (s.kind === 'commitment' && s.id) commitmentIds.push(s.id.value);
  });
  const priorityIds = doc.parsed.document.items.flatMap((s) => (s.kind === 'priority' && s.id ? [s.id.value] : []));
  const actionNumbers = w.framework && doc.kind === 'framework' ? [...w.framework.actions.keys()] : [];
  const priorityId = priority && 'id' in priority && priority.id ? `${priority.id.value}.` : '';
  return {
    periodStart: doc.period?.start.text ?? 'YYYY-MM',
    periodEnd: doc.period?.end.text ?? 'YYYY-MM',
    nextCommitmentId: nextId(commitmentIds, priorityId),
    nextPriorityId: nextId(priorityIds, 'P'),
    nextActionNumber: nextId(actionNumbers, ''),
  };
}

function statementItems(w: Where, block: ContextBlock): CompletionItem[] {
  if (block === 'partners' || block === 'glossary') return [];
  const documentKind = w.doc.kind ?? 'strategy';
  const allowed = new Set<StatementKind>(statementsAllowedIn(block, documentKind));
  if (block === 'document' && !w.doc.header) allowed.add(documentKind === 'framework' ? 'framework' : 'strategy');
  if (block === 'document' && !w.doc.header && w.doc.kind === undefined) allowed.add('framework');
  const c = snippetContext(w);
  const items: CompletionItem[] = [];
  let rank = 0;
  for (const kind of allowed) {
    const s = statementSnippet(kind, c);
    if (!s) continue;
    const doc = keywordDoc(s.keyword);
    items.push({
      label: s.label,
      kind: kind === 'paragraph' ? CompletionItemKind.Text : CompletionItemKind.Keyword,
      documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: w.replace, newText: s.snippet },
      filterText: s.label,
      sortText: sortKey(rank++),
      ...(s.retrigger ? { command: RETRIGGER } : {}),
    });
    if (kind === 'commitment') {
      items.push({
        label: 'commitment { owner, timing, measure, target }',
        kind: CompletionItemKind.Snippet,
        detail: 'A commitment with everything a reviewer asks for',
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: w.replace, newText: commitmentSkeleton(c) },
        filterText: 'commitment',
        sortText: sortKey(rank++),
      });
    }
  }
  return items;
}

function keywordItems(w: Where, words: readonly string[], retrigger = false): CompletionItem[] {
  return words.map((word, i) => {
    const doc = keywordDoc(word);
    return {
      label: word,
      kind: CompletionItemKind.Keyword,
      documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
      sortText: sortKey(i),
      textEdit: { range: w.replace, newText: retrigger ? `${word} ` : word },
      ...(retrigger ? { command: RETRIGGER } : {}),
    };
  });
}

function undefinedAcronymItems(project: Project, key: string, w: Where): CompletionItem[] {
  // The last lint's: completion does not wait for the analysis of what was just typed.
  const findings = project.lastLint(key)?.findings ?? [];
  return findings
    .filter((f) => f.ruleId === 'undefined-acronym')
    .flatMap((f) => {
      const term = /^(\S+) is used/.exec(f.message)?.[1];
      if (!term) return [];
      const meaning = f.suggestions?.[0]?.edits[0]?.newText.match(/"((?:[^"\\]|\\.)*)"/)?.[1] ?? '';
      return [
        {
          label: term,
          kind: CompletionItemKind.Constant,
          detail: 'used in this document, not yet defined',
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: { range: w.replace, newText: `${term} "\${1:${meaning.replace(/[\\$}]/g, '\\$&')}}"` },
        },
      ];
    });
}

function ruleIdItems(w: Where): CompletionItem[] {
  return RULE_IDS.map((id) => ({
    label: id,
    kind: CompletionItemKind.Value,
    detail: ruleMeta(id)?.description,
    textEdit: { range: w.replace, newText: id },
  }));
}

// ── dispatch ────────────────────────────────────────────────────────────────

function afterStatementWords(project: Project, w: Where, blocks: readonly ContextBlock[]): CompletionItem[] | CompletionList {
  const tokens = w.context.lineTokens;
  const first = tokens[0]!.type;
  const last = tokens[tokens.length - 1]!.type;
  const has = (type: string): boolean => tokens.some((t) => t.type === type);
  const listed = new Set(tokens.filter((t) => t.type === 'NumberLiteral' || t.type === 'Name').map((t) => t.image));
  const afterSeparator = last === 'Comma' || last === 'Slash';
  switch (first) {
    case 'Kw_measure':
      return tokens.length === 1 ? { isIncomplete: true, items: indicatorItems(w) } : [];
    case 'Kw_target': {
      if (has('IndicatorCode')) return keywordItems(w, [...(has('Kw_from') ? [] : ['from']), ...(has('Kw_by') ? [] : ['by'])]);
      const words = [...(tokens.length === 1 ? [...DIRECTIONS, 'tbc'] : []), ...(has('Kw_from') ? [] : ['from']), ...(has('Kw_by') ? [] : ['by'])];
      return { isIncomplete: true, items: [...keywordItems(w, words), ...indicatorItems(w)] };
    }
    case 'Kw_supports':
      if (tokens.length === 1) return keywordItems(w, ['action', 'aim'], true);
      if (tokens[1]!.type === 'Kw_action' && (tokens.length === 2 || afterSeparator)) return actionItems(w, listed);
      if (tokens[1]!.type === 'Kw_aim' && (tokens.length === 2 || afterSeparator)) return aimItems(w, listed);
      return [];
    case 'Kw_national': {
      if (tokens.length === 1) return keywordItems(w, ['aim'], true);
      if (tokens.length === 2 && tokens[1]!.type === 'Kw_aim') return aimItems(w, new Set());
      const code = tokens[2];
      const aim = code && tokens.length === 3 ? w.framework?.aims.get(code.image) : undefined;
      return aim?.node.title ? [{ label: quote(aim.node.title.value), kind: CompletionItemKind.Text, detail: `The title of aim ${aim.code}`, textEdit: { range: w.replace, newText: quote(aim.node.title.value) } }] : [];
    }
    case 'Kw_owner':
      return tokens.length === 1 || afterSeparator ? ownerItems(w, false, project.owners.ranked(w.doc.uri)) : [];
    case 'Kw_framework':
      return blocks[blocks.length - 1] === 'strategy' && (tokens.length === 1 || afterSeparator) ? frameworkItems(project, w) : [];
    case 'Kw_status':
      return tokens.length === 1 ? keywordItems(w, STATUS_VALUES) : [];
    case 'Kw_timing':
      if (tokens.length === 1) return keywordItems(w, ['ongoing', 'from', 'by']);
      if (last === 'Kw_ongoing') return keywordItems(w, ['from']);
      if (last === 'DateLiteral' || last === 'NumberLiteral') return has('Kw_to') || has('Kw_by') || (has('Kw_ongoing') && has('Kw_from')) ? [] : keywordItems(w, ['to']);
      return [];
    case 'Kw_period':
      return last === 'DateLiteral' || last === 'NumberLiteral' ? keywordItems(w, ['to']) : [];
    default:
      return [];
  }
}

export interface CompletionOptions {
  /** The client resolves `documentation` lazily (`completionItem.resolveSupport`): the long lists leave it to `resolveCompletion`. */
  readonly lazyDocumentation?: boolean;
}

export function provideCompletion(project: Project, params: CompletionParams, options: CompletionOptions = {}): CompletionList | CompletionItem[] | null {
  const key = keyOf(params.textDocument.uri);
  // The text as it is now against the last analysis: completion never waits for the reparse of what was just typed.
  const view = project.textView(key);
  if (!view) return null;
  const doc = view.doc;
  const lines = view.lines;
  const offset = lines.offsetAt(params.position.line, params.position.character);
  const context = cursorContext(view.cursorSource, offset);
  const settings = project.settingsFor(key);
  const start = lines.positionAt(context.prefixStart);
  // The cursor as the text has it: a position past a line's end is that line's end, so the range never runs backwards.
  const cursorAt = lines.positionAt(offset);
  const cursor = { line: cursorAt.line, character: cursorAt.character };
  const w: Where = {
    doc,
    view,
    treeOffset: view.toTree(offset),
    context,
    framework: project.frameworkFor(doc),
    catalogue: settings.lint.catalogue,
    configuredAcronyms: settings.acronyms,
    replace: { start: { line: start.line, character: start.character }, end: cursor },
    lazy: options.lazyDocumentation ? { uri: params.textDocument.uri } : undefined,
  };
  const invoked = params.context?.triggerKind !== CompletionTriggerKind.TriggerCharacter;

  if (context.inComment) {
    return /strategy-disable(?:-next-line|-line|-file)?\s+(?:[\w-]+\s*,\s*)*[\w-]*$/.test(context.inComment.textBefore) ? ruleIdItems(w) : [];
  }
  if (context.inString) {
    const statement = context.lineTokens[0]?.type;
    if (statement === 'Kw_owner') {
      // A name has spaces: what is replaced is everything typed inside the quotes, not the last word.
      const inside = lines.positionAt(context.inString.start + 1);
      return ownerItems({ ...w, replace: { start: { line: inside.line, character: inside.character }, end: cursor } }, true, project.owners.ranked(key));
    }
    // Acronyms inside prose only when asked for: prose is for writing, not for pop-ups.
    if (!invoked) return [];
    return [...knownAcronyms(doc, w.framework, w.configuredAcronyms).values()].map((a) => ({
      label: a.term,
      kind: CompletionItemKind.Constant,
      detail: a.meaning,
      textEdit: { range: w.replace, newText: a.term },
    }));
  }
  if (context.indicatorPrefix) return { isIncomplete: true, items: indicatorItems(w) };
  const blocks = context.blocks;
  if (context.lineTokens.length === 0) {
    // A space typed in indentation is not a request for keywords.
    if (!invoked && context.prefix === '') return [];
    const block = blocks[blocks.length - 1] ?? 'document';
    if (block === 'glossary') return undefinedAcronymItems(project, key, w);
    return statementItems(w, block);
  }
  return afterStatementWords(project, w, blocks);
}

/** What a client sends back as an item's `data`: checked where it enters, as every input is. */
const CompletionDataSchema = z.union([
  z.object({ uri: z.string(), action: z.string() }),
  z.object({ uri: z.string(), aim: z.string() }),
  z.object({ uri: z.string(), indicator: z.number() }),
]);

/**
 * `completionItem/resolve`: the documentation of an item `provideCompletion`
 * left to it, as it would have given it, read from the same analysis (the
 * last one: resolving never waits for a reparse either). Anything else, or
 * an item whose action, aim or document is gone, comes back as it came.
 */
export function resolveCompletion(project: Project, item: CompletionItem): CompletionItem {
  if (item.documentation !== undefined) return item;
  const parsed = CompletionDataSchema.safeParse(item.data);
  if (!parsed.success) return item;
  const data: CompletionData = parsed.data;
  const key = keyOf(data.uri);
  if (!project.isOpen(key)) return item;
  const doc = project.textView(key)?.doc;
  if (!doc) return item;
  const value = ((): string | undefined => {
    if ('indicator' in data) {
      const catalogue = project.settingsFor(key).lint.catalogue;
      const wording = catalogue.get(data.indicator)?.title ? undefined : documentWordings(doc).get(data.indicator);
      return describeIndicator(data.indicator, catalogue, wording);
    }
    const framework = project.frameworkFor(doc);
    if (!framework) return undefined;
    if ('action' in data) {
      const action = framework.actions.get(data.action);
      return action ? actionDoc(action, framework) : undefined;
    }
    const aim = framework.aims.get(data.aim);
    return aim ? aimDoc(aim, framework) : undefined;
  })();
  return value === undefined ? item : { ...item, documentation: { kind: MarkupKind.Markdown, value } };
}
