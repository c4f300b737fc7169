/**
 * The pipeline, from blocks (whatever the file format) to checked
 * `.strategy` text: undo page layout, read the header, build the outline,
 * recognise structure into the document model, place it where the language
 * allows, write it, canonicalise it with the formatter and parse it. If the
 * result ever failed to parse (a converter bug), the document is written as
 * prose instead, so a conversion never fails on what the document holds.
 */
import { format, parse, type ParseResult } from '../../grammar/index.js';
import { compileColumnRules, type ColumnRole, type ConverterConfig } from './config.js';
import { assignIds } from './emit/ids.js';
import { emitAsProse, emitDocument } from './emit/emit.js';
import { legalise } from './emit/legalise.js';
import { blockText, type Block } from './layout/blocks.js';
import { cleanLayout } from './layout/cleanup.js';
import { textWarnings, withoutControls } from './layout/text-health.js';
import { walk, type DescribedFramework, type DocumentModel, type Node, type NodeOf } from './model.js';
import { documentKindOf, readHeader, type DocumentKind } from './recognise/header.js';
import { citedFramework, describedFrameworks, frameworkIdFor } from './recognise/frameworks.js';
import { buildOutline, hasCommitmentHeadings, opensNumberedConstruct } from './recognise/outline.js';
import { cardTable, convertOutline } from './recognise/sections.js';
import { recogniseTable } from './recognise/tables.js';
import { compileHeadingRules, matchHeading } from './recognise/vocabulary.js';
import { countConstructs, coverageOf } from './report.js';
import { timingInWords } from './recognise/timing.js';
import { inlineAcronyms } from './recognise/inline-acronyms.js';

export interface ConversionReport {
  input: string;
  output?: string;
  documentKind: 'strategy' | 'framework';
  counts: Record<string, number>;
  unplaced: { text: string; line?: number }[];
  /** What looks wrong with the source's text itself (glyphs of a broken font encoding, words run together). */
  warnings?: string[];
  /** Word coverage: `ratio` in the source's order, `anyOrder` wherever the words went. */
  coverage: { sourceWords: number; coveredWords: number; ratio: number; anyOrder: number; missing: readonly string[] };
}

/** A framework built from what a converted document says of it, to be written beside it. */
export interface CompanionFramework {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface DetailedConversion {
  readonly text: string;
  readonly report: ConversionReport;
  readonly companions: CompanionFramework[];
}

/**
 * A block's words as the body of the document. The header row of a table
 * read as structure is not body: its column names become the keywords
 * (owner, outcome, timing…) of every row.
 */
function bodyText(block: Block, userColumns: readonly [ColumnRole, RegExp][] = []): string {
  // A card drawn as a table ("What | …", "Who | …"): its first column names the fields, as a header row does.
  if (block.kind === 'table' && cardTable(block)) return block.rows.map((r) => r.cells.slice(1).map((c) => c.text).join(' ')).join('\n');
  const columns = block.kind === 'table' ? recogniseTable(block, userColumns) : undefined;
  if (block.kind === 'table' && columns) return blockText({ ...block, rows: block.rows.filter((_, k) => k !== columns.headerRow) });
  return blockText(block);
}

function footnoteNodes(footnotes: readonly { text: string; footnote?: string }[]): Node[] {
  if (footnotes.length === 0) return [];
  return [{ kind: 'narrative', title: 'Footnotes', items: footnotes.map((f) => ({ kind: 'paragraph', text: `[${f.footnote ?? ''}] ${f.text}` })) }];
}

/**
 * Writes, canonicalises and checks, returning the text with its parse (the
 * report counts what the parser sees); falls back to prose if the structured
 * text did not parse.
 */
function render(model: DocumentModel, comments: readonly string[], proseTexts: () => string[], unplaced: ConversionReport['unplaced']): { text: string; parsed: ParseResult } {
  const whole = tryRender(model, comments);
  if (whole.ok) return whole;
  // One block that cannot be written as structure is kept as prose on its own; the rest keeps its structure.
  const items = model.items.map((node) => {
    const alone = tryRender({ ...model, items: [node] }, []);
    if (alone.ok) return node;
    unplaced.push({ text: `The structure of ${describe(node)} could not be written (${alone.problem}); it was kept as prose.` });
    return proseOf(node);
  });
  const mended = tryRender({ ...model, items }, comments);
  if (mended.ok) return mended;
  unplaced.push({ text: `The structure found could not be written (${mended.problem}); the document was kept as prose.` });
  const raw = emitAsProse(model, proseTexts());
  const fallback = format(raw);
  const text = fallback.ok ? fallback.text : raw;
  return { text, parsed: parse(text) };
}

function tryRender(model: DocumentModel, comments: readonly string[]): { ok: true; text: string; parsed: ParseResult } | { ok: false; problem: string } {
  const formatted = format(emitDocument(model, comments));
  if (!formatted.ok) return { ok: false, problem: formatted.problems[0]?.message ?? 'unknown problem' };
  const parsed = parse(formatted.text);
  if (parsed.problems.length > 0) return { ok: false, problem: parsed.problems[0]!.message };
  return { ok: true, text: formatted.text, parsed };
}

function describe(node: Node): string {
  const words = 'title' in node && node.title ? node.title : 'text' in node && node.text ? node.text : '';
  return words ? `${node.kind} "${words.length > 60 ? `${words.slice(0, 57)}…` : words}"` : `a ${node.kind}`;
}

/** Every word of a node, in order, as prose. */
function proseOf(node: Node): Node {
  const texts: string[] = [];
  const visit = (n: Node): void => {
    switch (n.kind) {
      case 'owner':
        texts.push(n.names.join(', '));
        return;
      case 'timing':
        texts.push(n.value.words);
        return;
      case 'target':
        texts.push(n.words);
        return;
      case 'partners':
        if (n.title) texts.push(n.title);
        for (const e of n.entries) texts.push(e.role ? `${e.name} ${e.role}` : e.name);
        return;
      case 'glossary':
        if (n.title) texts.push(n.title);
        for (const e of n.entries) texts.push(`${e.term} ${e.meaning}`);
        return;
      case 'measure':
        texts.push([n.indicator !== undefined ? `NI ${n.indicator}` : '', n.title ?? ''].join(' ').trim());
        break;
      default:
        if ('title' in n && n.title) texts.push(n.title);
        if ('text' in n && n.text) texts.push(n.text);
    }
    for (const child of 'items' in n ? n.items : []) visit(child);
  };
  visit(node);
  return { kind: 'narrative', items: texts.filter(Boolean).map((text) => ({ kind: 'paragraph', text })) };
}

function companionText(framework: DescribedFramework, inputName: string): string {
  const model: DocumentModel = {
    kind: 'framework',
    frameworkId: framework.id,
    header: { title: framework.title, subtitles: [], titleLevel: 0 },
    items: framework.priorities.map((p) => ({
      kind: 'priority',
      ...(p.number ? { id: p.number } : {}),
      title: p.title,
      items: [{ kind: 'owner', names: p.owners }],
    })),
  };
  assignIds(model.items, 'framework');
  // The file's name, not its path: the output must not depend on where the source was converted.
  const source = inputName.split(/[\\/]/).pop() ?? inputName;
  return render(model, [`Built by strategy convert from what ${source} says of this framework.`], () => framework.priorities.map((p) => p.title), []).text;
}

export function convertBlocks(read: readonly Block[], inputName: string, config: ConverterConfig): DetailedConversion {
  const rules = compileHeadingRules(config.headings);
  const userColumns = compileColumnRules(config.columns);
  const blocks = withoutControls(read);
  const warnings = textWarnings(blocks.map(blockText).join('\n'));
  const cleaned = cleanLayout(
    blocks,
    (text) => matchHeading(rules, text)?.construct === 'contents',
    (table) => recogniseTable(table, userColumns) !== undefined || cardTable(table) !== undefined,
  );
  const sourceText = [...cleaned.blocks.map((b) => bodyText(b, userColumns)), ...cleaned.footnotes.map((f) => `${f.footnote ?? ''} ${f.text}`)].join('\n');
  const { header, rest } = readHeader(cleaned.blocks, sourceText, (text) => opensNumberedConstruct(rules, text));
  // Column names count here: a "Departmental owner" column says a good deal about the kind of plan.
  const kind: DocumentKind = documentKindOf(header, cleaned.blocks.map(blockText).join('\n'), config.documentKind);

  const unplaced: ConversionReport['unplaced'] = [];
  const ignored: string[] = [];
  const outline = buildOutline(rest, { rules, titleLevel: header.titleLevel, explicitCommitments: hasCommitmentHeadings(rest, rules) });
  // A document titled "Recommendations" (a chapter exported on its own) introduces what its sections say.
  const titleRule = matchHeading(rules, header.title)?.construct;
  const titleMode = titleRule === 'commitments' || titleRule === 'actions' ? titleRule : undefined;
  const found = convertOutline(
    outline,
    {
      kind,
      unplaced: (text, line) => unplaced.push(line !== undefined ? { text, line } : { text }),
      ignored: (text) => ignored.push(text),
      columns: userColumns,
    },
    titleMode,
  );
  const described = kind === 'strategy' ? describedFrameworks(outline) : [];
  const frameworkId =
    kind === 'framework'
      ? frameworkIdFor(header)
      : (config.framework ?? citedFramework(sourceText, (config.frameworks ?? []).filter((f) => !described.some((d) => d.id === f.id))) ?? described[0]?.id);

  addStatedTimings(found);
  addInlineAcronyms(found);
  const items = legalise([...found, ...footnoteNodes(cleaned.footnotes)], kind);
  assignIds(items, kind);
  const model: DocumentModel = { kind, header, items, ...(frameworkId ? { frameworkId } : {}) };
  const { text, parsed } = render(model, [], () => cleaned.blocks.map(blockText).filter(Boolean), unplaced);
  const tableHeaders = cleaned.blocks.filter((b) => b.kind === 'table' && bodyText(b, userColumns) !== blockText(b)).length;

  const counts = countConstructs(parsed.document);
  counts.layoutArtefacts = cleaned.artefacts.length;
  counts.tableHeaders = tableHeaders;
  counts.ignoredHeadings = ignored.length;
  const coverage = coverageOf(sourceText, text);
  const report: ConversionReport = { input: inputName, documentKind: kind, counts, unplaced, coverage, ...(warnings.length ? { warnings } : {}) };
  const companions = described.map((d) => ({ id: d.id, title: d.title, text: companionText(d, inputName) }));
  return { text, report, companions };
}

/** A commitment (or action) with no timing of its own that states one in its words gets it, the words kept. */
function addStatedTimings(nodes: readonly Node[]): void {
  for (const node of walk(nodes)) {
    if (node.kind !== 'commitment' && node.kind !== 'action') continue;
    if (node.items.some((n) => n.kind === 'timing') || !node.text) continue;
    const timing = timingInWords(node.text);
    if (timing) node.items.push({ kind: 'timing', value: timing });
  }
}

/**
 * Acronyms the text defines inline ("… Partnership (CDP)") and no glossary
 * lists: added to the document's glossary, or to one of their own at the end.
 */
function addInlineAcronyms(nodes: Node[]): void {
  const texts: string[] = [];
  const glossaries: NodeOf<'glossary'>[] = [];
  for (const n of walk(nodes)) {
    if (n.kind === 'glossary') glossaries.push(n);
    else if (n.kind === 'paragraph' || n.kind === 'note') texts.push(n.text);
    else if ((n.kind === 'commitment' || n.kind === 'action') && n.text) texts.push(n.text);
    else if ('title' in n && n.title) texts.push(n.title);
  }
  const known = new Set(glossaries.flatMap((g) => g.entries.map((e) => e.term)));
  const found = inlineAcronyms(texts.join('\n')).filter((e) => !known.has(e.term));
  if (found.length === 0) return;
  const glossary = glossaries[0];
  if (glossary) glossary.entries.push(...found);
  else nodes.push({ kind: 'glossary', title: 'Acronyms defined in the text', entries: found });
}
