/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script
 * (except the editor preview's, passed in with its nonce), no fonts, images
 * or anything else fetched. Valid HTML (html-validate checks it) and WCAG 2.2
 * AA (axe-core checks it in Chromium): headings in order, tables with
 * headers and captions, charts with text alternatives, state said in words.
 */
import { each, esc, escWithCode, joined, plural } from './html.js';
import { placeText } from './locations.js';
import { REPORT_CSS } from './report-css.js';
import type { Coverage, DocumentReport, GapGroup, Location, NationalView, Owners, Report, ReportFinding, RuleExplanation, Timeline, TimelineItem } from './report-model.js';
import { collect, StrategiesPerFramework, type FrameworkKey } from './render-stream.js';
import { DOCUMENT_ID, encodeSection, FOLD_OPEN, VIEW_ID, writeSection, type SectionPart } from './section-part.js';
import { timelineSvg } from './timeline-svg.js';

/** How `file:line` places are shown: as text, as links under a base address (a repository's web view), or as editor buttons. */
export type LinkStyle = { readonly kind: 'text' } | { readonly kind: 'base'; readonly base: string } | { readonly kind: 'editor' };

export interface HtmlOptions {
  readonly links: LinkStyle;
  /** The page's content security policy. Default: nothing may load; inline styles only. */
  readonly csp?: string;
  /** The nonce of the style and script elements, when the policy asks for one. */
  readonly nonce?: string;
  /** A script to run in the page (the editor preview's), given the nonce. */
  readonly script?: string;
  readonly title?: string;
}

export const DEFAULT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export class HtmlRenderer {
  /** `home`: the file whose article is being rendered, whose places are shown as `line N` (the article names the file). */
  constructor(
    readonly options: HtmlOptions,
    private readonly home?: string,
  ) {}

  /** The renderer for one document's article in a report of several. */
  within(file: string): HtmlRenderer {
    return new HtmlRenderer(this.options, file);
  }

  place(location: Location): string {
    const text = location.file === this.home ? `line ${location.line}` : esc(placeText(location));
    const links = this.options.links;
    if (links.kind === 'base') return `<a class="place" href="${esc(`${links.base}${encodeURI(location.file)}#L${location.line}`)}">${text}</a>`;
    if (links.kind === 'editor') {
      return `<button type="button" class="place" data-file="${esc(location.file)}" data-line="${location.line}" data-column="${location.column}" aria-label="Go to ${text}">${text}</button>`;
    }
    return `<span class="place">${text}</span>`;
  }

  severity(s: ReportFinding['severity']): string {
    // The mark (✖ ▲ ℹ) comes from the style sheet, with empty alternative text: one word per finding in the file.
    return `<span class="sev sev-${s}">${SEVERITY_WORD[s]}</span>`;
  }
}

function cards(items: readonly [string, number][]): string {
  return `<ul class="cards">${each(items, ([label, n]) => `<li><span class="n">${n}</span> ${esc(label)}</li>`)}</ul>`;
}

function overviewHtml(r: DocumentReport, id: string): string {
  const o = r.overview;
  const facts: [string, string][] = [
    ['File', `<code>${esc(r.file)}</code>`],
    ['Kind', esc(r.kind)],
    ['Area', o.area ? esc(o.area) : '<span class="muted">not stated</span>'],
    ['Period', o.period ? esc(o.period.text) : '<span class="muted">not stated</span>'],
    ['Status', o.status ? esc(o.status) : '<span class="muted">not stated</span>'],
  ];
  if (r.kind === 'strategy') {
    facts.push([
      'Framework',
      o.frameworks.length === 0
        ? '<span class="muted">none named</span>'
        : o.frameworks.map((f) => `<code>${esc(f.id)}</code>${f.title ? ` — ${esc(f.title)}` : ''}${f.found ? '' : ' <span class="flag flag-gap">(not found)</span>'}`).join('; '),
    ]);
  }
  const c = o.counts;
  const counts: [string, number][] = [
    ['priorities', c.priorities],
    ['commitments', c.commitments],
    ...(c.actions > 0 || r.kind === 'framework' ? ([['national actions', c.actions]] as [string, number][]) : []),
    ['measures', c.measures],
    ['targets', c.targets],
  ];
  const f = o.findings;
  const byRule =
    o.byRule.length === 0
      ? '<p>No findings.</p>'
      : `<table><caption>Findings by rule and severity</caption><thead><tr><th scope="col">Rule</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Infos</th><th scope="col" class="num">Total</th></tr></thead><tbody>${each(
          o.byRule,
          (b) => `<tr><th scope="row"><a href="#rule-${esc(b.ruleId)}"><code>${esc(b.ruleId)}</code></a></th><td class="num">${b.errors}</td><td class="num">${b.warnings}</td><td class="num">${b.infos}</td><td class="num">${b.errors + b.warnings + b.infos}</td></tr>`,
        )}</tbody><tfoot><tr><th scope="row">All rules</th><td class="num">${f.errors}</td><td class="num">${f.warnings}</td><td class="num">${f.infos}</td><td class="num">${f.errors + f.warnings + f.infos}</td></tr></tfoot></table>`;
  return `<section><h3 id="${id}-overview">Overview</h3><dl class="facts">${each(facts, ([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)}</dl>${cards(counts)}<p>${plural(f.errors + f.warnings + f.infos, 'finding')}: ${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}, ${plural(f.infos, 'info', 'infos')}.</p>${byRule}</section>`;
}

function gapsHtml(r: DocumentReport, id: string, rules: RuleLookup, out: HtmlRenderer): string {
  const head = `<h3 id="${id}-gaps">Gaps</h3>`;
  if (r.gaps.length === 0) return `<section>${head}<p><span class="flag flag-ok">No gaps found.</span></p></section>`;
  // A rule's explanation is given where the rule first appears in the document; later groups link to the rules section.
  const explained = new Set<string>();
  const group = (g: GapGroup, n: number): string => {
    const title = g.priority ? `${esc(g.priority.label)}` : 'Whole document (outside any priority)';
    const byRule = new Map<string, ReportFinding[]>();
    for (const f of g.findings) {
      const list = byRule.get(f.ruleId);
      if (list) list.push(f);
      else byRule.set(f.ruleId, [f]);
    }
    let blocks = '';
    for (const [ruleId, list] of byRule) {
      const rule = explained.has(ruleId) ? undefined : rules.get(ruleId);
      explained.add(ruleId);
      blocks += `<h5><a href="#rule-${esc(ruleId)}"><code>${esc(ruleId)}</code></a> <span class="muted">(${list.length})</span></h5>${rule ? `<p class="explain">${escWithCode(rule.description)} <strong>How to fix:</strong> ${escWithCode(rule.howToFix)}</p>` : ''}<ul class="findings">`;
      for (const f of list) blocks += `<li class="${f.severity}">${out.severity(f.severity)} ${esc(f.message)} — ${out.place(f.location)}</li>`;
      blocks += '</ul>';
    }
    return `<section><h4 id="${id}-g${n}">${title} <span class="muted">— ${plural(g.findings.length, 'finding')}</span>${g.priority ? ` <span class="muted">(${out.place(g.priority.location)})</span>` : ''}</h4>${blocks}</section>`;
  };
  return `<section>${head}${each(r.gaps, group)}</section>`;
}

function supporterList(list: Coverage['aims'][number]['supporters'], out: HtmlRenderer): string {
  if (list.length === 0) return '<span class="flag flag-gap"><span aria-hidden="true">✖ </span>Not answered</span>';
  if (list.length === 1) return `${esc(list[0]!.label)} — ${out.place(list[0]!.location)}`;
  return `<ul>${each(list, (s) => `<li>${esc(s.label)} — ${out.place(s.location)}</li>`)}</ul>`;
}

/**
 * Rows of the coverage matrix: every aim and action with its national text,
 * or (`compact`, when a national view follows) the aims, the answered actions
 * linked to their row in the national view (which gives their text once for
 * every strategy), and the rest by number.
 */
function coverageRows(c: Coverage, out: HtmlRenderer, compact: string | undefined): string {
  let rows = '';
  for (const aim of c.aims) {
    const aimAnswered = aim.supporters.length > 0 || aim.actions.some((a) => a.supporters.length > 0);
    const unanswered = aim.actions.filter((a) => a.supporters.length === 0);
    const missing = compact && unanswered.length > 0 ? ` <span class="flag flag-gap">Actions not answered: ${unanswered.map((a) => esc(a.number)).join(', ')}</span>` : '';
    const aimRow =
      aim.code !== null
        ? compact
          ? `<tr class="aim-row${aimAnswered ? '' : ' unanswered'}"><th scope="row">Aim <code>${esc(aim.code)}</code>${aim.title ? `: ${esc(aim.title)}` : ''}</th><td>${aim.supporters.length === 0 && aimAnswered ? '<span class="muted">through its actions</span>' : supporterList(aim.supporters, out)}${missing}</td></tr>`
          : `<tr class="aim-row${aimAnswered ? '' : ' unanswered'}"><th scope="row">Aim <code>${esc(aim.code)}</code></th><td>${esc(aim.title ?? '')}${aim.location ? ` <span class="muted">(${out.place(aim.location)})</span>` : ''}</td><td>${aim.supporters.length === 0 && aimAnswered ? '<span class="muted">through its actions</span>' : supporterList(aim.supporters, out)}</td></tr>`
        : compact
          ? `<tr class="aim-row"><th scope="row">Actions ${esc(aim.title ?? 'outside any aim')}</th><td>${missing || '<span class="muted">—</span>'}</td></tr>`
          : `<tr class="aim-row"><th scope="row">Actions</th><td>${esc(aim.title ?? 'outside any aim')}</td><td><span class="muted">—</span></td></tr>`;
    rows += aimRow;
    for (const a of aim.actions) {
      if (compact) {
        if (a.supporters.length === 0) continue;
        const number = esc(a.number);
        rows += `<tr><th scope="row">Action <a href="#${compact}-a${number}"><code>${number}</code></a></th><td>${supporterList(a.supporters, out)}</td></tr>`;
      } else {
        rows += `<tr${a.supporters.length === 0 ? ' class="unanswered"' : ''}><th scope="row">Action <code>${esc(a.number)}</code></th><td>${esc(a.title ?? '')} <span class="muted">(${out.place(a.location)})</span></td><td>${supporterList(a.supporters, out)}</td></tr>`;
      }
    }
  }
  return rows;
}

/** `nationalView`: the id of the national view that follows, which gives the actions' text. */
function coverageHtml(r: DocumentReport, id: string, out: HtmlRenderer, nationalView: string | undefined): string {
  const head = `<h3 id="${id}-coverage">Coverage of the national framework</h3>`;
  if (r.kind !== 'strategy') return '';
  const c = r.coverage;
  if (!c) {
    const named = r.overview.frameworks;
    const why = named.length === 0 ? 'The strategy names no framework.' : `Framework ${named.map((f) => `<code>${esc(f.id)}</code>`).join(', ')} is not among the files reported or the configured framework paths.`;
    return `<section>${head}<p>${why}</p></section>`;
  }
  const intro = `<p>Framework <code>${esc(c.framework.id)}</code>${c.framework.title ? ` — ${esc(c.framework.title)}` : ''} (<code>${esc(c.framework.file)}</code>): ${c.answeredActions} of ${plural(c.totalActions, 'national action')} and ${c.answeredAims} of ${plural(c.totalAims, 'aim')} answered by a local commitment or priority.${nationalView ? ` Actions are given by number: <a href="#${nationalView}">the national view</a> gives their text.` : ''}</p>`;
  const matrix =
    c.aims.length === 0
      ? '<p>The framework defines no aims or actions to answer to.</p>'
      : `<table><caption>National aims and actions against the local commitments that support them</caption><thead><tr><th scope="col">Aim or action</th>${nationalView ? '' : '<th scope="col">National text</th>'}<th scope="col">Answered by</th></tr></thead><tbody>${coverageRows(c, out, nationalView)}</tbody></table>`;
  const unknown =
    c.unknownReferences.length === 0
      ? ''
      : `<h4>References to ${c.unknownReferences.some((u) => u.kind === 'action') ? 'actions' : 'aims'} the framework does not have</h4><ul class="findings">${each(
          c.unknownReferences,
          (u) => `<li class="error"><span class="flag flag-gap">${esc(u.kind === 'action' ? `Action ${u.ref}` : `Aim ${u.ref}`)} does not exist</span> — named by ${esc(u.from)} at ${out.place(u.location)}</li>`,
        )}</ul>`;
  const words =
    c.unmatchedAimTexts.length === 0
      ? ''
      : `<h4>National aims quoted in words that match none of the framework's aims</h4><ul>${each(c.unmatchedAimTexts, (u) => `<li>“${esc(u.text)}” — ${esc(u.from)}, ${out.place(u.location)}</li>`)}</ul>`;
  return `<section>${head}${intro}${matrix}${unknown}${words}</section>`;
}

const STATE_WORD: Record<TimelineItem['state'], string> = { dated: 'Dated', outside: 'Outside the period', vague: 'Vague', missing: 'Missing' };

function timelineHtml(r: DocumentReport, id: string, out: HtmlRenderer): string {
  const t: Timeline = r.timeline;
  const head = `<h3 id="${id}-timeline">Timeline</h3>`;
  const what = r.kind === 'framework' ? 'action' : 'commitment';
  if (t.items.length === 0) return `<section>${head}<p>No ${what}s to place on a timeline.</p></section>`;
  const count = (s: TimelineItem['state']): number => t.items.filter((i) => i.state === s).length;
  const summary = `<p>${t.period ? `Period ${esc(t.period.text)}. ` : 'The document states no period. '}${plural(t.items.length, what)}: ${count('dated')} dated within the period, ${count('outside')} outside it, ${count('vague')} vague, ${count('missing')} with no timing.</p>`;
  const svg = timelineSvg(t, `${id}-tl`);
  const chart = svg
    ? `<figure>${svg}<figcaption>Each bar is a dated timing; hatched bars marked “!” fall outside the period; an arrow means the timing runs on with no end (or has no start). The table below gives the same in words.</figcaption></figure><ul class="legend"><li><span class="swatch sw-period"></span>Period</li><li><span class="swatch sw-dated"></span>Dated</li><li><span class="swatch sw-outside"></span>Outside the period (!)</li></ul>`
    : '<p>No timing has a date to draw.</p>';
  const table = `<table><caption>Timings of every ${what} (the chart's text alternative)</caption><thead><tr><th scope="col">${what === 'action' ? 'Action' : 'Commitment'}</th><th scope="col">Timing as written</th><th scope="col">From</th><th scope="col">To</th><th scope="col">State</th></tr></thead><tbody>${each(
    t.items,
    (i) =>
      `<tr><th scope="row">${esc(i.label)} (${out.place(i.location)})</th><td>${i.written ? `<code>${esc(i.written)}</code>` : '<span class="muted">none</span>'}</td><td>${esc(i.start ?? '—')}</td><td>${esc(i.end ?? (i.openEnded ? 'open' : '—'))}</td><td><span class="flag st-${i.state}">${STATE_WORD[i.state]}</span>${i.note ? ` <span class="muted">(${esc(i.note)})</span>` : ''}</td></tr>`,
  )}</tbody></table>`;
  return `<section>${head}${summary}${chart}${table}</section>`;
}

function ownersHtml(r: DocumentReport, id: string, out: HtmlRenderer): string {
  const o: Owners = r.owners;
  const what = r.kind === 'framework' ? 'action' : 'commitment';
  const head = `<h3 id="${id}-owners">Owners</h3>`;
  const table =
    o.owners.length === 0
      ? `<p>No ${what} names an owner.</p>`
      : `<table><caption>${what === 'action' ? 'Actions' : 'Commitments'} per owner</caption><thead><tr><th scope="col">Owner</th><th scope="col" class="num">${what === 'action' ? 'Actions' : 'Commitments'}</th><th scope="col">Which</th></tr></thead><tbody>${each(o.owners, (w) => `<tr><th scope="row">${esc(w.name)}</th><td class="num">${w.items.length}</td><td>${joined(w.items, '; ', (i) => `${esc(i.label)} ${out.place(i.location)}`)}</td></tr>`)}</tbody></table>`;
  const none =
    o.unowned.length === 0
      ? `<p><span class="flag flag-ok">Every ${what} has an owner.</span></p>`
      : `<h4>${plural(o.unowned.length, `${what}`)} with no owner</h4><ul>${each(o.unowned, (i) => `<li><span class="flag flag-gap">No owner:</span> ${esc(i.label)} — ${out.place(i.location)}</li>`)}</ul>`;
  return `<section>${head}${table}${none}</section>`;
}

function measuresHtml(r: DocumentReport, id: string, out: HtmlRenderer): string {
  const head = `<h3 id="${id}-measures">Measures and targets</h3>`;
  const measures =
    r.measures.length === 0
      ? '<p>No measures.</p>'
      : `<table><caption>Measures</caption><thead><tr><th scope="col">Indicator</th><th scope="col">Title as quoted</th><th scope="col">Catalogue title</th><th scope="col">Where</th></tr></thead><tbody>${each(
          r.measures,
          (m) =>
            `<tr><th scope="row">${m.indicator ? esc(m.indicator) : '<span class="muted">local</span>'}</th><td>${m.quotedTitle ? esc(m.quotedTitle) : '<span class="muted">—</span>'}${m.titleDiffers ? ' <span class="flag flag-gap">(differs from the catalogue)</span>' : ''}</td><td>${m.catalogueTitle ? esc(m.catalogueTitle) : m.known ? '<span class="muted">no title known</span>' : '<span class="flag flag-gap">Not in the catalogue</span>'}</td><td>${m.within ? `${esc(m.within)} ` : ''}${out.place(m.location)}</td></tr>`,
        )}</tbody></table>`;
  const placeholders = r.targets.filter((t) => t.placeholder !== null).length;
  const targets =
    r.targets.length === 0
      ? '<p>No targets.</p>'
      : `<table><caption>Targets (${plural(placeholders, 'placeholder')})</caption><thead><tr><th scope="col">Target</th><th scope="col">Indicator</th><th scope="col">Baseline</th><th scope="col">Value</th><th scope="col">Date</th><th scope="col">Where</th></tr></thead><tbody>${each(
          r.targets,
          (t) =>
            `<tr${t.placeholder ? ' class="unanswered"' : ''}><th scope="row">${esc(t.text)}${t.placeholder ? ` <span class="flag flag-gap">(placeholder: ${esc(t.placeholder)})</span>` : ''}</th><td>${t.indicator ? `${esc(t.indicator)}${t.catalogueTitle ? ` <span class="muted">${esc(t.catalogueTitle)}</span>` : ''}` : '—'}</td><td>${esc(t.baseline ?? '—')}</td><td>${esc(t.value ?? '—')}</td><td>${esc(t.date ?? '—')}</td><td>${t.within ? `${esc(t.within)} ` : ''}${out.place(t.location)}</td></tr>`,
        )}</tbody></table>`;
  return `<section>${head}${measures}${targets}</section>`;
}

/** How a document's sections are shown: as they are (a one-document report), or folded under the document's heading, open or closed. */
export type Fold = 'none' | 'open' | 'closed';

/** A report of more documents than this shows each one's sections closed: the index and the national views come first. */
export const OPEN_DOCUMENTS_MAX = 10;

/** A rule's explanation by id: the report's rules (a map), or the registry's while a report streams. */
export interface RuleLookup {
  get(ruleId: string): RuleExplanation | undefined;
}

/**
 * A document's article around its coverage section (the one part that depends on the national views), and the renderer of its places.
 * `slots`: folded, with the marks of the document's id and of whether it is folded open (a section part's); otherwise `fold` says.
 */
function documentFrame(r: DocumentReport, id: string, rules: RuleLookup, out: HtmlRenderer, fold: Fold | 'slots'): { before: string; after: string; out: HtmlRenderer } {
  const title = r.overview.title ?? r.file;
  // In a report of several documents the article names its file, so its own places are `line N`.
  if (fold !== 'none') out = out.within(r.file);
  const opening = `${overviewHtml(r, id)}${gapsHtml(r, id, rules, out)}`;
  const closing = `${timelineHtml(r, id, out)}${ownersHtml(r, id, out)}${measuresHtml(r, id, out)}`;
  if (fold === 'none') return { before: `<article class="document" aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${opening}`, after: `${closing}</article>`, out };
  const f = r.overview.findings;
  const what = r.kind === 'strategy' ? 'strategy' : r.kind === 'framework' ? 'framework' : 'document';
  const open = fold === 'open' ? ' open' : fold === 'slots' ? FOLD_OPEN : '';
  return {
    before: `<article class="document" aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2><p class="summary"><code>${esc(r.file)}</code> — ${plural(f.errors + f.warnings + f.infos, 'finding')} (${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}, ${plural(f.infos, 'info', 'infos')})</p><details${open}><summary>The ${what}’s overview, gaps, ${r.kind === 'strategy' ? 'coverage, ' : ''}timeline, owners, measures and targets</summary>${opening}`,
    after: `${closing}</details></article>`,
    out,
  };
}

/** `nationalViews`: the national view's id for each framework that has one. */
export function documentHtml(r: DocumentReport, index: number, rules: RuleLookup, out: HtmlRenderer, nationalViews: ReadonlyMap<string, string> = new Map(), fold: Fold = 'none'): string {
  const frame = documentFrame(r, `d${index + 1}`, rules, out, fold);
  const national = r.coverage ? nationalViews.get(r.coverage.framework.id) : undefined;
  return `${frame.before}${coverageHtml(r, `d${index + 1}`, frame.out, national)}${frame.after}`;
}

/** Heat map cells: 0, 1, 2, 3 or more supporting commitments. */
export function heatLevel(n: number): 0 | 1 | 2 | 3 {
  return n >= 3 ? 3 : (n as 0 | 1 | 2);
}

/** At most this many strategies get a column in the heat map; the counts per action cover them all. */
export const HEAT_MAP_MAX_COLUMNS = 40;

export function nationalViewHtml(v: NationalView, index: number, out: HtmlRenderer = new HtmlRenderer({ links: { kind: 'text' } })): string {
  const id = `n${index + 1}`;
  const shown = v.strategies.slice(0, HEAT_MAP_MAX_COLUMNS);
  const key = `<ol class="key">${shown.map((s, i) => `<li value="${i + 1}"><abbr>S${i + 1}</abbr>: ${esc(s.title ?? s.file)} <code>${esc(s.file)}</code></li>`).join('')}</ol>`;
  const more = v.strategies.length > shown.length ? `<p>The heat map shows the first ${shown.length} of ${v.strategies.length} strategies; the “Strategies answering” column counts all of them.</p>` : '';
  const rows = v.actions
    .map(
      (a) =>
        `<tr id="${id}-a${esc(a.number)}"${a.strategiesAnswering === 0 ? ' class="unanswered"' : ''}><th scope="row">Action <code>${esc(a.number)}</code>${a.aim ? ` <span class="muted">(aim ${esc(a.aim)}, ${out.place(a.location)})</span>` : ` <span class="muted">(${out.place(a.location)})</span>`}${a.title ? `<span class="action-title">${esc(a.title)}</span>` : ''}</th>${a.counts
          .slice(0, shown.length)
          .map((n) => `<td class="h${heatLevel(n)}">${n}</td>`)
          .join('')}<td class="num">${a.strategiesAnswering === 0 ? '<span class="flag flag-gap">0 — nobody</span>' : a.strategiesAnswering}</td></tr>`,
    )
    .join('');
  const table = `<div class="heat-wrap"><table class="heat"><caption>Commitments supporting each national action, per local strategy (heat map: darker is more)</caption><thead><tr><th scope="col">National action</th>${shown.map((_, i) => `<th scope="col">S${i + 1}</th>`).join('')}<th scope="col" class="num">Strategies answering</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  const legend = `<ul class="legend"><li><span class="swatch heat-sw h0"></span>0</li><li><span class="swatch heat-sw h1"></span>1</li><li><span class="swatch heat-sw h2"></span>2</li><li><span class="swatch heat-sw h3"></span>3 or more commitments (the number is in each cell)</li></ul>`;
  const nobody =
    v.unanswered.length === 0
      ? '<p><span class="flag flag-ok">Every national action is picked up by at least one local strategy.</span></p>'
      : `<p><span class="flag flag-gap">${plural(v.unanswered.length, 'national action')} nobody picks up:</span> ${v.unanswered.map((n) => `<code>${esc(n)}</code>`).join(', ')}.</p>`;
  return `<article class="document" aria-labelledby="${id}"><h2 id="${id}">National view: ${esc(v.framework.title ?? v.framework.id)}</h2><p>Framework <code>${esc(v.framework.id)}</code> (<code>${esc(v.framework.file)}</code>), answered by ${plural(v.strategies.length, 'local strategy', 'local strategies')} among the files reported.</p>${nobody}${key}${more}${legend}${table}</article>`;
}

function rulesHtml(rules: readonly RuleExplanation[]): string {
  if (rules.length === 0) return '';
  return `<section class="rules" aria-labelledby="rules"><h2 id="rules">The rules behind the findings</h2><dl>${rules
    .map((r) => `<dt id="rule-${esc(r.id)}"><code>${esc(r.id)}</code></dt><dd><p>${escWithCode(r.description)}</p><p><strong>Why it matters:</strong> ${escWithCode(r.why)}</p><p><strong>How to fix:</strong> ${escWithCode(r.howToFix)}</p></dd>`)
    .join('')}</dl></section>`;
}

/** What the index and the page's title need of a document: kept while its section is let go. */
export interface DocumentSummary {
  readonly file: string;
  readonly title: string | null;
  readonly kind: DocumentReport['kind'];
  readonly findings: DocumentReport['overview']['findings'];
  readonly commitments: number;
  readonly targets: number;
  readonly coverage: { readonly answered: number; readonly total: number } | null;
}

export function summaryOf(d: DocumentReport): DocumentSummary {
  const c = d.coverage;
  return {
    file: d.file,
    title: d.overview.title,
    kind: d.kind,
    findings: d.overview.findings,
    commitments: d.overview.counts.commitments,
    targets: d.overview.counts.targets,
    coverage: c ? { answered: c.answeredActions, total: c.totalActions } : null,
  };
}

/** The index of a report of several documents: each with its counts, linked to its section. */
function indexHtml(documents: readonly DocumentSummary[], nationalViews: readonly NationalView[]): string {
  const strategies = documents.some((d) => d.kind === 'strategy');
  const rows = documents.map((d, i) => {
    const f = d.findings;
    const c = d.coverage;
    return `<tr><th scope="row"><a href="#d${i + 1}">${esc(d.title ?? d.file)}</a> <code>${esc(d.file)}</code></th><td class="num">${f.errors}</td><td class="num">${f.warnings}</td><td class="num">${f.infos}</td><td class="num">${d.commitments}</td><td class="num">${d.targets}</td>${strategies ? `<td class="num">${c ? `${c.answered} of ${c.total}` : '—'}</td>` : ''}</tr>`;
  });
  const national = nationalViews.map((v, i) => `<li><a href="#n${i + 1}">National view: ${esc(v.framework.title ?? v.framework.id)}</a></li>`);
  return `<nav aria-labelledby="contents"><h2 id="contents">Contents</h2>${national.length > 0 ? `<ul>${national.join('')}<li><a href="#rules">The rules behind the findings</a></li></ul>` : ''}<table class="index"><caption>${plural(documents.length, 'file')} reported, with their counts</caption><thead><tr><th scope="col">Document and file</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Infos</th><th scope="col" class="num">Commitments</th><th scope="col" class="num">Targets</th>${strategies ? '<th scope="col" class="num">National actions answered</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></nav>`;
}

/** The report without its documents: what is known only once every document has been added. */
export type ReportFrame = Omit<Report, 'documents'>;

type Write = (piece: string | Buffer) => void;

/** A document's share of the page, as plain data: made on whichever thread rendered it, joined in order by `HtmlReportStream`. */
export interface HtmlDocumentPart {
  readonly summary: DocumentSummary;
  /** The framework its coverage answers to, if any (whether a national view follows depends on how many do). */
  readonly framework: FrameworkKey | null;
  readonly section: SectionPart;
}

/**
 * Renders documents into parts: each document's article folded, its id and
 * whether it is open left as slots (they depend on how many documents the
 * report ends with), its coverage section both ways unless a national view
 * is already certain (`viewCertain`: enough documents before it answer the
 * same framework).
 */
export function htmlPartMaker(options: HtmlOptions, rules: RuleLookup): (d: DocumentReport, viewCertain: (framework: FrameworkKey) => boolean) => HtmlDocumentPart {
  const renderer = new HtmlRenderer(options);
  return (d, viewCertain) => {
    const frame = documentFrame(d, DOCUMENT_ID, rules, renderer, 'slots');
    const c = d.coverage;
    const section = encodeSection({
      before: c ? frame.before : `${frame.before}${coverageHtml(d, DOCUMENT_ID, frame.out, undefined)}`,
      ...(c ? { choice: { frameworkId: c.framework.id, alone: viewCertain(c.framework) ? undefined : coverageHtml(d, DOCUMENT_ID, frame.out, undefined), compact: coverageHtml(d, DOCUMENT_ID, frame.out, VIEW_ID) } } : {}),
      after: frame.after,
      slots: true,
    });
    return { summary: summaryOf(d), framework: c ? { id: c.framework.id, file: c.framework.file } : null, section };
  };
}

const NOTHING = Buffer.alloc(0);
const OPEN_ATTRIBUTE = Buffer.from(' open', 'utf8');

/**
 * The page rendered a document at a time: each document's article is
 * rendered into a part as it is added (here, or on a worker thread:
 * `addPart`) and its model let go, and `finish` writes the page (head, index
 * and national views first, then the articles in order). Only the first
 * document's model is kept, while it is the only one: a report of one
 * document shows it unfolded, its places as `file:line`.
 */
export class HtmlReportStream {
  private readonly out: HtmlRenderer;
  private readonly summaries: DocumentSummary[] = [];
  private readonly sections: SectionPart[] = [];
  private only: DocumentReport | undefined;
  private readonly strategies = new StrategiesPerFramework();
  private readonly makePart: ReturnType<typeof htmlPartMaker>;

  constructor(
    private readonly options: HtmlOptions,
    private readonly rules: RuleLookup,
  ) {
    this.out = new HtmlRenderer(options);
    this.makePart = htmlPartMaker(options, rules);
  }

  add(d: DocumentReport): void {
    this.addPart(this.makePart(d, (f) => this.strategies.viewCertain(f)), d);
  }

  /** A rendered document, in order; `model`: its report, when at hand (wanted only if it stays the report's one document). */
  addPart(part: HtmlDocumentPart, model?: DocumentReport): void {
    this.only = this.summaries.length === 0 ? model : undefined;
    this.summaries.push(part.summary);
    this.sections.push(part.section);
    if (part.framework) this.strategies.add(part.framework);
  }

  /** The frameworks that documents added so far answer to: a later document's coverage needs only its compact form. */
  get answered(): StrategiesPerFramework {
    return this.strategies;
  }

  /** Whether the report is of one document whose model was not given (rendered on another thread): `finish` needs it. */
  get needsModel(): boolean {
    return this.summaries.length === 1 && this.only === undefined;
  }

  /** The page's main content: what the editor preview swaps in as the author types. */
  finishBody(report: ReportFrame, write: Write): void {
    const nationalIds = new Map(report.nationalViews.map((v, i) => [v.framework.id, `n${i + 1}`]));
    const t = report.totals.findings;
    const count = this.summaries.length;
    const many = count + report.nationalViews.length > 1;
    const fold: Fold = count <= 1 ? 'none' : count <= OPEN_DOCUMENTS_MAX ? 'open' : 'closed';
    write(
      `<header><h1>Strategy report</h1><p class="meta">${plural(report.totals.files, 'file')}; ${plural(t.errors + t.warnings + t.infos, 'finding')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info', 'infos')}). Made by ${esc(report.generator.name)} ${esc(report.generator.version)} from the same analysis as <code>strategy lint</code>.</p></header>`,
    );
    if (many) write(indexHtml(this.summaries, report.nationalViews));
    write('<main id="main">');
    // The national views first: what a reviewer of many strategies reads before any one of them.
    report.nationalViews.forEach((v, i) => write(nationalViewHtml(v, i, this.out)));
    if (fold === 'none' && count === 1) {
      if (!this.only) throw new Error('internal error: a report of one document without its model');
      write(documentHtml(this.only, 0, this.rules, this.out, nationalIds, 'none'));
    } else {
      const foldOpen = fold === 'open' ? OPEN_ATTRIBUTE : NOTHING;
      this.sections.forEach((section, i) => writeSection(section, { documentId: Buffer.from(`d${i + 1}`, 'utf8'), foldOpen, views: nationalIds }, write));
    }
    write(rulesHtml(report.rules));
    write('</main>');
  }

  /** The whole page. */
  finish(report: ReportFrame, write: Write): void {
    const options = this.options;
    const nonce = options.nonce ? ` nonce="${esc(options.nonce)}"` : '';
    const only = this.summaries.length === 1 ? this.summaries[0]! : undefined;
    const title = options.title ?? (only ? `Strategy report: ${only.title ?? only.file}` : `Strategy report: ${plural(this.summaries.length, 'file')}`);
    write(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(options.csp ?? DEFAULT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(`${report.generator.name} ${report.generator.version}`)}">
<title>${esc(title)}</title>
<style${nonce}>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<div id="report">`);
    this.finishBody(report, write);
    write(`</div>
${options.script ? `<script${nonce}>${options.script}</script>` : ''}
</body>
</html>
`);
  }
}

function streamOf(report: Report, options: HtmlOptions): HtmlReportStream {
  const stream = new HtmlReportStream(options, new Map(report.rules.map((r) => [r.id, r])));
  for (const d of report.documents) stream.add(d);
  return stream;
}

/** The page's main content: what the editor preview swaps in as the author types. */
export function reportBodyHtml(report: Report, out: HtmlRenderer): string {
  return collect((write) => streamOf(report, out.options).finishBody(report, write)).join('');
}

/** The whole page, through the same stream `strategy report` writes. */
export function renderHtml(report: Report, options: HtmlOptions = { links: { kind: 'text' } }): string {
  return collect((write) => streamOf(report, options).finish(report, write)).join('');
}
