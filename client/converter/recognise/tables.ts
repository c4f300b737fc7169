/**
 * Tables with a header row. The header names each column's role (strategic
 * objective, key actions, owner, outcome, coverage, timing, measure,
 * target); the rows then become aims and actions (a national action plan),
 * or themes, outcomes, commitments, measures and targets (a local delivery
 * table). A row with no number and nothing but more text continues the
 * action above it, as when a page break splits a row. Tables whose header is
 * not recognised are left to the caller, to keep as prose.
 */
import type { Cell, TableBlock, TableRow } from '../layout/blocks.js';
import type { Node, NodeOf } from '../model.js';
import { measureFrom, targetFrom } from './entries.js';
import type { DocumentKind } from './header.js';
import { ownersFromCell } from './owners.js';
import { cellItems, plainItemCount, splitRunTogether } from './split-items.js';
import { timingOf } from './timing.js';

import type { ColumnRole } from '../config.js';

export type { ColumnRole };

/**
 * What a column holds, from the words of its header: "Led by", "Action for?",
 * "Who" and "Responsible officer" all name the owner; "By when", "Timescale"
 * and "Deadline" the timing; a header ending in "by" ("Action to be taken by",
 * "Supported by") names who, unless it named a timing or a measure first
 * ("Due by"). Tried in order, so that "Action for" is an owner before
 * "action" makes it the work, and "Target date" a timing before "target"
 * makes it a target. Status and progress columns report on the
 * work; they are not work themselves.
 */
const ROLE_PATTERNS: readonly [ColumnRole, RegExp][] = [
  ['id', /^(?:ref|ref\.|reference|refs?\s*no\.?|no\.?|number|nos?\.|#|id|item|action (?:ref|no\.?|number))$/i],
  ['progress', /\b(?:status|progress|rag|updates?|commentary|achieved|completed?)\b/i],
  ['owner', /\b(?:owners?|ownership|lead(?:s|ers?)?|led by|who|responsib\w*|accountab\w*|action (?:for|by)|delivered by|by whom|champions?|sponsors?)\b/i],
  ['timing', /\b(?:timings?|timescales?|timelines?|time ?frames?|when|deadlines?|due|dates?|milestones?|completion)\b|^(?:(?:financial |target )?years?|quarters?)$/i],
  ['measure', /\b(?:measures?|measured|indicators?|kpis?|metrics?|success criteria|measures? of success|how (?:we will |will we )?(?:measure|know)|evidence of (?:success|impact))\b/i],
  ['target', /\b(?:targets?|trajector(?:y|ies)|direction)\b/i],
  // After the timing and the measure: "Due by" and "Measured by" are not who.
  ['owner', /\bby$/i],
  ['coverage', /^(?:coverage|geography|geographical coverage|scope|area|locality)$/i],
  ['aim', /^(?:(?:strategic|key|national|our|smart) )?(?:objectives?|aims?|goals?)$/i],
  ['action', /\b(?:actions?|activit(?:y|ies)|commit(?:ted|ments?)|we will|deliverables?|tasks?|interventions?|recommendations?|proposals?|what|steps)\b/i],
  ['outcome', /\b(?:outcomes?|impacts?|benefits?|results?)\b/i],
  ['group', /\b(?:themes?|priorit(?:y|ies)|strands?|pillars?|work ?areas?|areas? of focus|focus|topics?|categor(?:y|ies)|sections?|headings?)\b/i],
];

function roleOf(header: string): ColumnRole | undefined {
  const h = header
    .trim()
    .replace(/[:*?]+$/, '')
    .replace(/\s+/g, ' ');
  if (!h) return undefined;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(h)) return role;
  return undefined;
}

export interface TableColumns {
  readonly roles: ColumnRole[];
  readonly headers: string[];
  /** Index of the header row: rows above it (a title across the table) are not part of the structure. */
  readonly headerRow: number;
  /** A header cell that names the rows' group rather than a column ("EARLY IDENTIFICATION | Action for:"). */
  readonly groupTitle?: string;
}

const ROW_NUMBER = /^\(?(?:[A-Za-z]{0,3}\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]?$/;

/** Columns whose body cells are all row numbers ("1.", "2a", "R3") number the rows. */
function numbersRows(table: TableBlock, headerRow: number, k: number): boolean {
  const cells = table.rows.slice(headerRow + 1).filter((r) => !r.band).map((r) => r.cells[k]?.text.trim() ?? '').filter(Boolean);
  // Row numbers are each their own: a column repeating "SO6" names a shared outcome, not a row.
  return cells.length >= 1 && cells.every((c) => ROW_NUMBER.test(c)) && new Set(cells).size === cells.length;
}

function textIn(table: TableBlock, headerRow: number, k: number): number {
  return table.rows.slice(headerRow + 1).reduce((n, r) => n + (r.band ? 0 : (r.cells[k]?.text.length ?? 0)), 0);
}

/** A header row's roles, when the table says what it holds: work (or measures with targets) and something about it. */
function recogniseHeader(table: TableBlock, headerRow: number, extra: readonly [ColumnRole, RegExp][]): TableColumns | undefined {
  const header = table.rows[headerRow]!;
  if (header.band) return undefined;
  const headers = header.cells.map((c) => c.text.trim());
  // Labels are short, and a row that numbers itself ("1 | Population | …") holds data, not labels.
  if (headers.some((h) => h.split(/\s+/).length > 8) || headers.some((h) => ROW_NUMBER.test(h) && h !== '')) return undefined;
  const roles: ColumnRole[] = headers.map((h, k) => {
    const user = extra.find(([, re]) => re.test(h.replace(/[:*?]+$/, '').trim()));
    if (user) return user[0];
    return roleOf(h) ?? (k === 0 && h === '' ? 'group' : 'other');
  });
  // A second work column ("Recommendation | Action") describes the first.
  roles.forEach((r, k) => {
    if (r === 'action' && roles.indexOf('action') < k) roles[k] = 'other';
  });
  let groupTitle: string | undefined;
  // A header over the work that is a title, not a label ("EARLY INTERVENTION: GROWING FAMILIES"): it names the rows.
  const workColumn = roles.indexOf('action');
  if (workColumn >= 0 && isTitleNotLabel(headers[workColumn]!)) groupTitle = headers[workColumn]!.replace(/:$/, '');
  roles.forEach((r, k) => {
    if ((r === 'other' || r === 'group') && numbersRows(table, headerRow, k) && !roles.includes('id')) roles[k] = 'id';
  });
  const about = roles.filter((r) => r === 'owner' || r === 'timing' || r === 'measure' || r === 'target' || r === 'outcome' || r === 'progress').length;
  if (!roles.includes('action') && about >= 1) {
    // No column says it holds the work, but others say who and when: the work is the column with the most text
    // ("EARLY IDENTIFICATION | Action for:" over numbered recommendations), and its header names the rows' group.
    const candidates = roles.map((r, k) => (r === 'other' || r === 'group' ? k : -1)).filter((k) => k >= 0);
    const widest = candidates.sort((a, b) => textIn(table, headerRow, b) - textIn(table, headerRow, a))[0];
    if (widest !== undefined && textIn(table, headerRow, widest) > 0 && (roles.includes('owner') || roles.includes('timing'))) {
      roles[widest] = 'action';
      const title = headers[widest] || headers.slice(0, widest).reverse().find(Boolean);
      if (title && !roleOf(title)) groupTitle = title;
    }
  }
  const known = roles.filter((r) => r !== 'other' && r !== 'group' && r !== 'id').length;
  const holdsWork = roles.includes('action') || (roles.includes('measure') && (roles.includes('target') || roles.includes('outcome') || roles.includes('timing')));
  return known >= 2 && holdsWork ? { roles, headers, headerRow, ...(groupTitle ? { groupTitle } : {}) } : undefined;
}

/** The table's columns, from a header row among its first three (a title row may come first). */
export function recogniseTable(table: TableBlock, extra: readonly [ColumnRole, RegExp][] = []): TableColumns | undefined {
  for (let k = 0; k < Math.min(3, table.rows.length - 1); k++) {
    const columns = recogniseHeader(table, k, extra);
    if (columns) return columns;
  }
  return undefined;
}

/** "12. Do this", "12) Do this", "2.1 Do this". */
const NUMBERED_ACTION = /^(\d{1,4}(?:\.\d{1,3})+|\d{1,3}(?=[.)]))[.)]?\s+(.*)$/s;

function cellAt(row: TableRow, k: number): Cell | undefined {
  const c = row.cells[k];
  return c && c.text.trim() ? c : undefined;
}

interface Group {
  readonly node: NodeOf<'priority'> | NodeOf<'section'> | NodeOf<'aim'>;
}

export interface TableContext {
  readonly kind: DocumentKind;
  /** Where the table stands: a theme column opens priorities at the top level, sections inside a priority. */
  readonly where: 'top' | 'priority' | 'section';
  /** Records text that could not be given a place in the structure. */
  readonly unplaced: (text: string, line?: number) => void;
}

/**
 * Reads a recognised table. Returns the nodes in reading order: groups
 * (priorities, sections or aims) holding actions or commitments.
 */
export function readStructuredTable(table: TableBlock, columns: TableColumns, ctx: TableContext): Node[] {
  // Rows above the header (a title across the table) are kept as text.
  const out: Node[] = table.rows.slice(0, columns.headerRow).map((r) => ({ kind: 'paragraph', text: r.cells.map((c) => c.text).filter(Boolean).join(' | ') }));
  const { roles, headers } = columns;
  const idColumn = roles.indexOf('id');
  const groupColumn = roles.indexOf('group');
  const aimColumn = roles.indexOf('aim');
  const actionColumn = roles.indexOf('action');
  const outcomeColumn = roles.indexOf('outcome');
  const measureColumn = roles.indexOf('measure');
  // An outcome column before the work columns groups them; after, it describes each action.
  const outcomeGroups = outcomeColumn >= 0 && (actionColumn < 0 || outcomeColumn < actionColumn) && measureColumn >= 0;

  let group: Group | undefined;
  let aim: NodeOf<'aim'> | undefined;
  let outcome: NodeOf<'outcome'> | undefined;
  let lastWork: NodeOf<'action'> | NodeOf<'commitment'> | undefined;

  const container = (): Node[] => (outcome ? outcome.items : aim ? aim.items : group ? group.node.items : out);

  /** Opens the group rows fall under (a theme cell, a band across the table, a header naming the rows). */
  const openGroup = (title: string): void => {
    // "A HEALTHY START TO LIFE CONTINUED": the group of the previous page carries on.
    const bare = continuedTitle(title);
    if (group && continuedTitle(group.node.title) === bare) return;
    if (ctx.where === 'section') {
      // Inside a section a theme cannot open a group of its own: it heads its rows as text.
      out.push({ kind: 'paragraph', text: title });
      group = undefined;
    } else {
      const node: Group['node'] = ctx.where === 'top' ? { kind: 'priority', title: bare, items: [] } : { kind: 'section', title: bare, items: [] };
      out.push(node);
      group = { node };
    }
    aim = undefined;
    outcome = undefined;
    lastWork = undefined;
  };
  if (columns.groupTitle) openGroup(columns.groupTitle);

  for (const row of table.rows.slice(columns.headerRow + 1)) {
    if (row.band) {
      // A cell across the whole table: a short one names the rows below it, a long one is prose about them.
      const text = row.cells.map((c) => c.text).filter(Boolean).join(' ');
      if (isGroupTitle(text)) openGroup(text);
      else container().push({ kind: 'paragraph', text });
      continue;
    }
    if (repeatsHeader(row, columns)) {
      // The header again, further down (a new page of the table, or its next part): its work cell names the part.
      const title = actionColumn >= 0 ? row.cells[actionColumn]?.text.trim() : undefined;
      if (title && title !== headers[actionColumn]) openGroup(title.replace(/:$/, ''));
      continue;
    }
    const groupCell = groupColumn >= 0 ? cellAt(row, groupColumn) : undefined;
    const aimCell = aimColumn >= 0 ? cellAt(row, aimColumn) : undefined;
    const actionCell = actionColumn >= 0 ? cellAt(row, actionColumn) : undefined;
    const propertyCells = roles.map((r, k) => (r !== 'group' && r !== 'aim' && r !== 'action' && r !== 'id' ? cellAt(row, k) : undefined));
    // A reference column ("Ref", "No.") numbers the action when its text does not.
    const refText = idColumn >= 0 ? cellAt(row, idColumn)?.text.trim().replace(/[.)]$/, '') : undefined;
    const ref = refText && /^[A-Za-z]{0,4}\d{1,3}(?:\.\d{1,3})*[a-z]?$/.test(refText) ? refText : undefined;
    const hasProperties = propertyCells.some(Boolean);

    if (groupCell) openGroup(groupCell.text);
    if (aimCell) {
      aim = { kind: 'aim', title: aimCell.text, items: [] };
      (group ? group.node.items : out).push(aim);
      outcome = undefined;
    }

    // A row that only carries more text for the action above: a page break split it.
    const numbered = actionCell ? NUMBERED_ACTION.exec(actionCell.paragraphs[0] ?? actionCell.text) : null;
    const number: [string, string, string] | null = numbered
      ? [numbered[0], numbered[1]!, numbered[2]!]
      : actionCell && ref
        ? [actionCell.text, ref, actionCell.paragraphs[0] ?? actionCell.text]
        : null;
    if (!groupCell && !aimCell && actionCell && !number && !hasProperties && lastWork) {
      // The continued text joins the action's own text, before its owner, outcome and timing.
      const at = lastWork.items.findIndex((n) => n.kind !== 'paragraph');
      const more: Node[] = cellItems(actionCell).map((text) => ({ kind: 'paragraph', text }));
      lastWork.items.splice(at < 0 ? lastWork.items.length : at, 0, ...more);
      continue;
    }

    if (outcomeGroups) {
      const outcomeCell = cellAt(row, outcomeColumn);
      if (outcomeCell) {
        outcome = { kind: 'outcome', title: outcomeCell.text, items: [] };
        (aim ? aim.items : group ? group.node.items : out).push(outcome);
      }
    }

    const work: (NodeOf<'action'> | NodeOf<'commitment'>)[] = [];
    if (actionCell) {
      const lead = number ? number[2].trim() : undefined;
      const { text, rest } = workParts(actionCell, lead);
      if (ctx.kind === 'framework' && number && /^\d/.test(number[1])) {
        const action: NodeOf<'action'> = { kind: 'action', id: number[1], text, items: rest.map((p): Node => ({ kind: 'paragraph', text: p })) };
        work.push(action);
      } else if (!number && actionCell.paragraphs.length === 0 && cellItems(actionCell).length > 1) {
        // A cell that is only a list: one commitment per item, sharing the row's owner and timing.
        for (const item of cellItems(actionCell)) work.push({ kind: 'commitment', text: item, items: [] });
      } else {
        // One row, one commitment: the rest of the cell (bullets under a heading, further paragraphs) elaborates it.
        work.push({ kind: 'commitment', ...(number ? { id: number[1] } : {}), text, items: rest.map((p): Node => ({ kind: 'paragraph', text: p })) });
      }
    }

    // Measures and targets pair up item by item; the target column says how many there are.
    const measureNodes: Node[] = [];
    const looseTargets: Node[] = [];
    const targetColumn = roles.indexOf('target');
    const targetCell = targetColumn >= 0 ? cellAt(row, targetColumn) : undefined;
    const targets = targetCell ? cellItems(targetCell) : [];
    if (measureColumn >= 0) {
      const measureCell = cellAt(row, measureColumn);
      const expected = targetCell ? plainItemCount(targetCell) : undefined;
      const measures = measureCell ? cellItems(measureCell, expected) : [];
      measures.forEach((m, k) => {
        const measure = measureFrom(m);
        const t = targets[k];
        if (t !== undefined && 'items' in measure) measure.items.push(targetFrom(t));
        measureNodes.push(measure);
      });
      for (const t of targets.slice(measures.length)) {
        looseTargets.push(targetFrom(t));
        if (measures.length > 0) ctx.unplaced(`Target "${t}" has no measure of its own in its row`, row.line);
      }
    } else {
      for (const t of targets) looseTargets.push(targetFrom(t));
    }

    const properties: Node[] = [];
    roles.forEach((role, k) => {
      const cell = propertyCells[k];
      if (!cell) return;
      switch (role) {
        case 'owner':
          properties.push({ kind: 'owner', names: ownersFromCell(cell.text) });
          break;
        case 'outcome':
          if (!outcomeGroups) properties.push({ kind: 'outcome', title: cell.text, items: [] });
          break;
        case 'coverage':
          properties.push({ kind: 'coverage', text: cell.text });
          break;
        case 'timing':
          properties.push({ kind: 'timing', value: timingOf(cell.text) });
          break;
        case 'other':
        case 'progress':
          // Progress and status report on the work; they are kept beside it, under their column's name.
          properties.push({ kind: 'paragraph', text: headers[k] ? `${headers[k]}: ${cell.text}` : cell.text });
          break;
        default:
          break;
      }
    });

    if (work.length === 1 && !outcomeGroups) {
      // One action per row: its owner, outcome, coverage, timing, measures and targets are its own.
      work[0]!.items.push(...properties, ...measureNodes, ...looseTargets);
      container().push(work[0]!);
      lastWork = work[0];
    } else if (work.length > 1) {
      // Several actions in one row share its owner, timing and coverage: each is given them. The row's
      // measures and targets serve them (or the outcome) together, so they stand beside them.
      const shared = properties.filter((n) => n.kind !== 'paragraph');
      for (const w of work) w.items.push(...shared.map((n) => ({ ...n })));
      container().push(...work, ...properties.filter((n) => n.kind === 'paragraph'), ...measureNodes, ...looseTargets);
      lastWork = work[work.length - 1];
    } else if (work.length === 0 && measureNodes.length === 1) {
      // A row of a measures table: its other columns (owner, baseline, timing) describe its measure.
      const measure = measureNodes[0] as NodeOf<'measure'>;
      measure.items.push(...properties.filter((n) => n.kind === 'owner' || n.kind === 'timing' || n.kind === 'paragraph'));
      container().push(measure, ...properties.filter((n) => n.kind !== 'owner' && n.kind !== 'timing' && n.kind !== 'paragraph'), ...looseTargets);
    } else {
      container().push(...work, ...properties, ...measureNodes, ...looseTargets);
      lastWork = work[work.length - 1] ?? lastWork;
    }
  }
  return out;
}

/** A group's title without the "(continued)" a page break added to it. */
export function continuedTitle(title: string): string {
  return title.replace(/[\s–—:-]*[([]?\s*(?:continued|cont(?:'|’)?d\.?)\s*[)\]]?\s*$/i, '').trim() || title;
}

/** Short, and not a sentence: a band that names a group ("OVERALL", "Climate Change Adaptation"). */
function isGroupTitle(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 12 && !/[.;]$/.test(text);
}

/**
 * A work cell's own words and what elaborates them. A bold heading over
 * bullets is the commitment, the bullets its detail; a short bold label
 * ("Research") is read with the line after it; plain paragraphs are the
 * commitment together; bullets alone, the first.
 */
function workParts(cell: Cell, lead?: string): { text: string; rest: string[] } {
  const paragraphs = [...cell.paragraphs];
  if (lead !== undefined) {
    if (paragraphs.length > 0) paragraphs[0] = lead;
    else return { text: lead, rest: [...cell.items] };
  }
  const items = cell.runTogether ? splitRunTogether(cell.items.join(' ')) : [...cell.items];
  if (paragraphs.length === 0) return items.length ? { text: items[0]!, rest: items.slice(1) } : { text: cell.text, rest: [] };
  const first = paragraphs[0]!;
  const size = first.split(/\s+/).length;
  // A short bold line, or a name of a few words over bullets ("Research" over what it covers), labels the rest.
  const label = !/[.;:]$/.test(first) && ((size <= 6 && (cell.leadStrong ?? false)) || (lead === undefined && size <= 4 && paragraphs.length === 1 && items.length > 0));
  const next = paragraphs[1] ?? items[0];
  if (label && next !== undefined) {
    const restParagraphs = paragraphs[1] !== undefined ? paragraphs.slice(2) : paragraphs.slice(1);
    const restItems = paragraphs[1] !== undefined ? items : items.slice(1);
    return { text: `${first}: ${next}`, rest: [...restParagraphs, ...restItems] };
  }
  if (cell.leadStrong && !cell.strong) return { text: first, rest: [...paragraphs.slice(1), ...items] };
  return { text: paragraphs.join(' '), rest: items };
}

/** Column labels are short; a header cell with a colon inside, or five words and more in capitals, is a title. */
function isTitleNotLabel(header: string): boolean {
  const h = header.trim().replace(/:$/, '');
  const words = h.split(/\s+/).filter(Boolean);
  const capitals = h === h.toUpperCase() && /\p{Lu}/u.test(h);
  return /\S:\s+\S/.test(h) || (capitals && words.length >= 5);
}

/** A row whose cells under the labelled columns (owner, timing…) repeat the header's labels. */
function repeatsHeader(row: TableRow, columns: TableColumns): boolean {
  const key = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const labelled = columns.roles.map((r, k) => (r !== 'action' && r !== 'id' && r !== 'group' && columns.headers[k] ? k : -1)).filter((k) => k >= 0);
  return labelled.length > 0 && labelled.every((k) => key(row.cells[k]?.text ?? '') === key(columns.headers[k]!));
}
