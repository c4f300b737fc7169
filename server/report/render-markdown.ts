/**
 * The report as markdown, for a pull-request comment: the same sections and
 * numbers as the HTML page, the timeline as its table (markdown has no chart),
 * the heat map as a table of counts. Passes markdownlint's defaults.
 */
import { plural } from './html.js';
import { placeText } from './locations.js';
import type { DocumentReport, Location, NationalView, Report, TimelineItem } from './report-model.js';
import { HEAT_MAP_MAX_COLUMNS, type ReportFrame, type RuleLookup } from './render-html.js';
import { collect, StrategiesPerFramework, type FrameworkKey } from './render-stream.js';
import { encodeSection, writeSection, type SectionPart } from './section-part.js';

export interface MarkdownOptions {
  /** Links `file:line` to `${base}${file}#L${line}` (a repository's web view); plain text without it. */
  readonly linkBase?: string;
}

/** Text safe inside a markdown table cell or list item. */
const MD_SPECIAL = /[\\|*_`[\]<>#\t\n\r]|\s\s/;
const SPACE = /\s/;

/** Whether the character at `i` is white space (`\s`), without a regular expression for the common characters. */
function spaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}

export function md(text: string): string {
  // One alternation fewer than `^\s|\s$` in the expression: the ends are looked at directly (millions of cells).
  if (!MD_SPECIAL.test(text) && !(text.length > 0 && (spaceAt(text, 0) || spaceAt(text, text.length - 1)))) return text;
  return text.replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

const SEVERITY_WORD = { error: '✖ Error', warning: '▲ Warning', info: 'ℹ Info' } as const;
const STATE_WORD: Record<TimelineItem['state'], string> = { dated: '✔ Dated', outside: '! Outside the period', vague: '? Vague', missing: '✖ Missing' };

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

type Write = (piece: string | Buffer) => void;

/** Lines as text: each ends in a newline. */
function text(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The text without its trailing newlines but one: how the file ends. */
function endOnce(s: string): string {
  return `${s.replace(/\n+$/, '')}\n`;
}

/** A document's share of the markdown, as plain data: made on whichever thread rendered it, joined in order by `MarkdownReportStream`. */
export interface MarkdownDocumentPart {
  /** The framework its coverage answers to, if any (whether a national view follows depends on how many do). */
  readonly framework: FrameworkKey | null;
  readonly section: SectionPart;
}

/** How `file:line` places are written. */
function placeWriter(options: MarkdownOptions): (l: Location) => string {
  return (l) => (options.linkBase ? `[${md(placeText(l))}](${encodeURI(`${options.linkBase}${l.file}`)}#L${l.line})` : `\`${placeText(l)}\``);
}

/**
 * Renders documents into parts, their coverage section both ways unless a
 * national view is already certain (`viewCertain`: enough documents before
 * it answer the same framework).
 */
export function markdownPartMaker(options: MarkdownOptions, rules: RuleLookup): (d: DocumentReport, viewCertain: (framework: FrameworkKey) => boolean) => MarkdownDocumentPart {
  const place = placeWriter(options);
  return (d, viewCertain) => {
    const parts = documentMarkdown(d, rules, place);
    const c = d.coverage;
    // Without a framework, the coverage section says so, whatever the national views.
    const section = encodeSection({
      before: c ? text(parts.before) : `${text(parts.before)}${text(parts.coverage(false))}`,
      ...(c ? { choice: { frameworkId: c.framework.id, alone: viewCertain(c.framework) ? undefined : text(parts.coverage(false)), compact: text(parts.coverage(true)) } } : {}),
      after: text(parts.after),
      slots: false,
    });
    return { framework: c ? { id: c.framework.id, file: c.framework.file } : null, section };
  };
}

const NO_SLOTS = { documentId: Buffer.alloc(0), foldOpen: Buffer.alloc(0) };

/**
 * The markdown rendered a document at a time, as `HtmlReportStream` renders
 * the page: each document's text is rendered into a part as it is added
 * (here, or on a worker thread: `addPart`), and `finish` writes the heading
 * (which gives the totals), the documents in order, the national views and
 * the rules.
 */
export class MarkdownReportStream {
  private readonly sections: SectionPart[] = [];
  private readonly strategies = new StrategiesPerFramework();
  private readonly makePart: ReturnType<typeof markdownPartMaker>;

  constructor(options: MarkdownOptions, rules: RuleLookup) {
    this.makePart = markdownPartMaker(options, rules);
  }

  add(d: DocumentReport): void {
    this.addPart(this.makePart(d, (f) => this.strategies.viewCertain(f)));
  }

  /** A rendered document, in order. */
  addPart(part: MarkdownDocumentPart): void {
    this.sections.push(part.section);
    if (part.framework) this.strategies.add(part.framework);
  }

  /** The frameworks that documents added so far answer to: a later document's coverage needs only its compact form. */
  get answered(): StrategiesPerFramework {
    return this.strategies;
  }

  finish(report: ReportFrame, write: Write): void {
    const t = report.totals.findings;
    const after: string[] = report.nationalViews.map((v) => text(nationalMarkdown(v)));
    if (report.rules.length > 0) after.push(text(['## The rules behind the findings', '', ...report.rules.map((r) => `- \`${r.id}\`: ${md(r.description)} Why it matters: ${md(r.why)} How to fix: ${md(r.howToFix)}`), '']));
    const heading = text([
      '# Strategy report',
      '',
      `${plural(report.totals.files, 'file')}; ${plural(t.errors + t.warnings + t.infos, 'finding')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info', 'infos')}). Made by ${report.generator.name} ${report.generator.version} from the same analysis as \`strategy lint\`.`,
      '',
    ]);
    // The file ends in exactly one newline: the last document's text ends it when nothing follows.
    const empty = this.sections.length === 0 && after.length === 0;
    write(empty ? endOnce(heading) : heading);
    const values = { ...NO_SLOTS, views: new Map(report.nationalViews.map((v, i) => [v.framework.id, `n${i + 1}`])) };
    this.sections.forEach((section, i) => writeSection(section, values, write, after.length === 0 && i === this.sections.length - 1));
    after.forEach((s, i) => write(i === after.length - 1 ? endOnce(s) : s));
  }
}

/** The markdown, through the same stream `strategy report` writes. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const stream = new MarkdownReportStream(options, new Map(report.rules.map((r) => [r.id, r])));
  for (const d of report.documents) stream.add(d);
  return collect((write) => stream.finish(report, write)).join('');
}

/**
 * A document's lines around its coverage section, and that section's lines:
 * `compact` when a national view follows, so unanswered actions are listed by
 * number under their aim rather than one row each.
 */
function documentMarkdown(r: DocumentReport, rules: RuleLookup, place: (l: Location) => string): { before: string[]; coverage: (compact: boolean) => string[]; after: string[] } {
  const o = r.overview;
  const what = r.kind === 'framework' ? 'action' : 'commitment';
  let out: string[] = [`## ${md(o.title ?? r.file)}`, '', '### Overview', ''];
  out.push(`- File: \`${r.file}\``, `- Kind: ${r.kind}`, `- Area: ${o.area ? md(o.area) : 'not stated'}`, `- Period: ${o.period ? md(o.period.text) : 'not stated'}`, `- Status: ${o.status ?? 'not stated'}`);
  if (r.kind === 'strategy') out.push(`- Framework: ${o.frameworks.length === 0 ? 'none named' : o.frameworks.map((f) => `\`${f.id}\`${f.title ? ` ${md(f.title)}` : ''}${f.found ? '' : ' (not found)'}`).join('; ')}`);
  const c = o.counts;
  out.push(`- Counts: ${plural(c.priorities, 'priority', 'priorities')}, ${plural(c.commitments, 'commitment')}, ${c.actions > 0 ? `${plural(c.actions, 'national action')}, ` : ''}${plural(c.measures, 'measure')}, ${plural(c.targets, 'target')}`);
  const f = o.findings;
  out.push(`- Findings: ${plural(f.errors + f.warnings + f.infos, 'finding')} (${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}, ${plural(f.infos, 'info', 'infos')})`, '');
  if (o.byRule.length > 0) out.push(...table(['Rule', 'Errors', 'Warnings', 'Infos', 'Total'], o.byRule.map((b) => [`\`${b.ruleId}\``, `${b.errors}`, `${b.warnings}`, `${b.infos}`, `${b.errors + b.warnings + b.infos}`])));

  out.push('### Gaps', '');
  if (r.gaps.length === 0) out.push('No gaps found.', '');
  for (const g of r.gaps) {
    out.push(`#### ${g.priority ? md(g.priority.label) : 'Whole document (outside any priority)'} (${plural(g.findings.length, 'finding')})`, '');
    const byRule = new Map<string, typeof g.findings>();
    for (const x of g.findings) {
      const list = byRule.get(x.ruleId);
      if (list) list.push(x);
      else byRule.set(x.ruleId, [x]);
    }
    for (const [ruleId, list] of byRule) {
      const rule = rules.get(ruleId);
      out.push(`\`${ruleId}\`${rule ? `: ${md(rule.description)}` : ''}`, '');
      for (const x of list) out.push(`- ${SEVERITY_WORD[x.severity]}: ${md(x.message)} (${place(x.location)})`);
      out.push('');
    }
  }

  const coverage = (compact: boolean): string[] => {
    const out: string[] = [];
    if (r.kind !== 'strategy') return out;
    out.push('### Coverage of the national framework', '');
    const cov = r.coverage;
    if (!cov) out.push(o.frameworks.length === 0 ? 'The strategy names no framework.' : 'Its framework is not among the files reported or the configured framework paths.', '');
    else {
      out.push(`Framework \`${cov.framework.id}\`: ${cov.answeredActions} of ${plural(cov.totalActions, 'national action')} and ${cov.answeredAims} of ${plural(cov.totalAims, 'aim')} answered.`, '');
      const rows = cov.aims.flatMap((aim) => {
        const unanswered = aim.actions.filter((a) => a.supporters.length === 0);
        const missing = compact && unanswered.length > 0 ? ` **Not answered: ${unanswered.map((a) => `action ${a.number}`).join(', ')}**` : '';
        return [
        ...(aim.code !== null ? [[`Aim \`${aim.code}\``, `${md(aim.title ?? '')}${missing}`, aim.supporters.length > 0 ? aim.supporters.map((s) => `${md(s.label)} ${place(s.location)}`).join('; ') : aim.actions.some((a) => a.supporters.length > 0) ? 'through its actions' : '**✖ Not answered**']] : compact && missing ? [['Actions', `${md(aim.title ?? 'outside any aim')}${missing}`, '—']] : []),
        ...aim.actions.filter((a) => !compact || a.supporters.length > 0).map((a) => [`Action \`${a.number}\``, md(a.title ?? ''), a.supporters.length > 0 ? a.supporters.map((s) => `${md(s.label)} ${place(s.location)}`).join('; ') : '**✖ Not answered**']),
        ];
      });
      if (rows.length > 0) out.push(...table(['Aim or action', 'National text', 'Answered by'], rows));
      else out.push('The framework defines no aims or actions to answer to.', '');
      if (cov.unknownReferences.length > 0) {
        out.push('References the framework does not have:', '');
        for (const u of cov.unknownReferences) out.push(`- **${u.kind === 'action' ? 'Action' : 'Aim'} ${md(u.ref)} does not exist**, named by ${md(u.from)} (${place(u.location)})`);
        out.push('');
      }
      if (cov.unmatchedAimTexts.length > 0) {
        out.push("National aims quoted in words that match none of the framework's aims:", '');
        for (const u of cov.unmatchedAimTexts) out.push(`- “${md(u.text)}”, ${md(u.from)} (${place(u.location)})`);
        out.push('');
      }
    }
    return out;
  };
  const before = out;
  out = [];

  out.push('### Timeline', '');
  const tl = r.timeline;
  if (tl.items.length === 0) out.push(`No ${what}s to place on a timeline.`, '');
  else {
    const n = (s: TimelineItem['state']): number => tl.items.filter((i) => i.state === s).length;
    out.push(`${tl.period ? `Period ${md(tl.period.text)}.` : 'The document states no period.'} ${plural(tl.items.length, what)}: ${n('dated')} dated within the period, ${n('outside')} outside it, ${n('vague')} vague, ${n('missing')} with no timing.`, '');
    out.push(...table([what === 'action' ? 'Action' : 'Commitment', 'Timing as written', 'From', 'To', 'State'], tl.items.map((i) => [`${md(i.label)} ${place(i.location)}`, i.written ? `\`${i.written.replace(/`/g, "'")}\`` : 'none', i.start ?? '—', i.end ?? (i.openEnded ? 'open' : '—'), `${STATE_WORD[i.state]}${i.note ? ` (${md(i.note)})` : ''}`])));
  }

  out.push('### Owners', '');
  if (r.owners.owners.length === 0) out.push(`No ${what} names an owner.`, '');
  else out.push(...table(['Owner', what === 'action' ? 'Actions' : 'Commitments', 'Which'], r.owners.owners.map((w) => [md(w.name), `${w.items.length}`, w.items.map((i) => `${md(i.label)} ${place(i.location)}`).join('; ')])));
  if (r.owners.unowned.length > 0) {
    out.push(`${plural(r.owners.unowned.length, what)} with no owner:`, '');
    for (const i of r.owners.unowned) out.push(`- ${md(i.label)} (${place(i.location)})`);
    out.push('');
  } else out.push(`Every ${what} has an owner.`, '');

  out.push('### Measures and targets', '');
  if (r.measures.length === 0) out.push('No measures.', '');
  else out.push(...table(['Indicator', 'Title as quoted', 'Catalogue title', 'Where'], r.measures.map((m) => [m.indicator ?? 'local', `${m.quotedTitle ? md(m.quotedTitle) : '—'}${m.titleDiffers ? ' **(differs from the catalogue)**' : ''}`, m.catalogueTitle ? md(m.catalogueTitle) : m.known ? 'no title known' : '**Not in the catalogue**', `${m.within ? `${md(m.within)} ` : ''}${place(m.location)}`])));
  if (r.targets.length === 0) out.push('No targets.', '');
  else out.push(...table(['Target', 'Indicator', 'Baseline', 'Value', 'Date', 'Where'], r.targets.map((x) => [`${md(x.text)}${x.placeholder ? ` **(placeholder: ${md(x.placeholder)})**` : ''}`, x.indicator ? `${x.indicator}${x.catalogueTitle ? ` ${md(x.catalogueTitle)}` : ''}` : '—', md(x.baseline ?? '—'), md(x.value ?? '—'), md(x.date ?? '—'), `${x.within ? `${md(x.within)} ` : ''}${place(x.location)}`])));
  return { before, coverage, after: out };
}

function nationalMarkdown(v: NationalView): string[] {
  const shown = v.strategies.slice(0, HEAT_MAP_MAX_COLUMNS);
  const out = [`## National view: ${md(v.framework.title ?? v.framework.id)}`, '', `Framework \`${v.framework.id}\`, answered by ${plural(v.strategies.length, 'local strategy', 'local strategies')}.`, ''];
  out.push(v.unanswered.length === 0 ? 'Every national action is picked up by at least one local strategy.' : `**${plural(v.unanswered.length, 'national action')} nobody picks up:** ${v.unanswered.map((n) => `\`${n}\``).join(', ')}.`, '');
  shown.forEach((s, i) => out.push(`${i + 1}. S${i + 1}: ${md(s.title ?? s.file)} \`${s.file}\``));
  out.push('');
  if (v.strategies.length > shown.length) out.push(`The table shows the first ${shown.length} of ${v.strategies.length} strategies; “Answering” counts all of them.`, '');
  out.push(...table(['Action', ...shown.map((_, i) => `S${i + 1}`), 'Answering'], v.actions.map((a) => [`\`${a.number}\``, ...a.counts.slice(0, shown.length).map(String), a.strategiesAnswering === 0 ? '**0**' : `${a.strategiesAnswering}`])));
  return out;
}
