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
import { cellItems, plainItemCount } from './split-items.js';
import { timingOf } from './timing.js';

export type ColumnRole = 'group' | 'aim' | 'action' | 'id' | 'owner' | 'outcome' | 'coverage' | 'timing' | 'measure' | 'target' | 'other';

const ROLE_PATTERNS: readonly [ColumnRole, RegExp][] = [
  ['id', /^(?:ref|ref\.|reference|refs?\s*no\.?|no\.?|number|#|id|action (?:ref|no\.?|number))$/i],
  ['aim', /^(?:strategic |key |national )?(?:objectives?|aims?)$/i],
  ['group', /^(?:strategic |key )?(?:themes?|priorit(?:y|ies)|strands?|pillars?|work ?areas?|areas? of focus)$/i],
  ['action', /^(?:key |planned )?(?:actions?|activit(?:y|ies)|commitments?|what we will do|we will|deliverables?|tasks?|interventions?)$/i],
  ['owner', /^(?:departmental |lead )?(?:owners?|leads?|responsib(?:le|ility)(?: (?:agency|partner|officer|lead))?|lead (?:agency|agencies|partners?|organisations?)|who|accountable)$/i],
  ['outcome', /^(?:expected |intended |desired |key )?outcomes?$/i],
  ['coverage', /^(?:coverage|geography|geographical coverage|scope)$/i],
  ['timing', /^(?:timing|timings|timescales?|time ?frames?|when|by when|deadlines?|target dates?|dates?|milestones?)$/i],
  ['measure', /^(?:measures?|indicators?|kpis?|performance (?:measures?|indicators?)|how (?:we will )?(?:measure|know)(?: success)?|success measures?)$/i],
  ['target', /^(?:targets?|target directions?|direction)$/i],
];

function roleOf(header: string): ColumnRole | undefined {
  // "Target 2025/26", "Timescale (by when)": the qualifier does not change the column's role.
  const h = header
    .trim()
    .replace(/[:*]+$/, '')
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/\s+(?:for\s+|by\s+)?(?:\d{4}(?:[/–-]\d{2,4})?|q[1-4])$/i, '');
  for (const [role, re] of ROLE_PATTERNS) if (re.test(h)) return role;
  return undefined;
}

export interface TableColumns {
  readonly roles: ColumnRole[];
  readonly headers: string[];
  /** Index of the header row: rows above it (a title across the table) are not part of the structure. */
  readonly headerRow: number;
}

/** A header row's roles, when at least two columns are recognised and the table says what it holds. */
function recogniseHeader(header: TableRow, headerRow: number): TableColumns | undefined {
  const headers = header.cells.map((c) => c.text.trim());
  if (headers.some((h) => h.split(/\s+/).length > 6)) return undefined;
  const roles = headers.map((h, k) => roleOf(h) ?? (k === 0 && h === '' ? 'group' : 'other'));
  const known = roles.filter((r) => r !== 'other' && r !== 'group' && r !== 'id').length;
  const holdsWork = roles.includes('action') || (roles.includes('measure') && (roles.includes('target') || roles.includes('outcome')));
  return known >= 2 && holdsWork ? { roles, headers, headerRow } : undefined;
}

/** The table's columns, from a header row among its first three (a title row may come first). */
export function recogniseTable(table: TableBlock): TableColumns | undefined {
  for (let k = 0; k < Math.min(3, table.rows.length - 1); k++) {
    const columns = recogniseHeader(table.rows[k]!, k);
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

  for (const row of table.rows.slice(columns.headerRow + 1)) {
    const groupCell = groupColumn >= 0 ? cellAt(row, groupColumn) : undefined;
    const aimCell = aimColumn >= 0 ? cellAt(row, aimColumn) : undefined;
    const actionCell = actionColumn >= 0 ? cellAt(row, actionColumn) : undefined;
    const propertyCells = roles.map((r, k) => (r !== 'group' && r !== 'aim' && r !== 'action' && r !== 'id' ? cellAt(row, k) : undefined));
    // A reference column ("Ref", "No.") numbers the action when its text does not.
    const refText = idColumn >= 0 ? cellAt(row, idColumn)?.text.trim().replace(/[.)]$/, '') : undefined;
    const ref = refText && /^[A-Za-z]{0,4}\d{1,3}(?:\.\d{1,3})*$/.test(refText) ? refText : undefined;
    const hasProperties = propertyCells.some(Boolean);

    if (groupCell) {
      const title = groupCell.text;
      if (ctx.where === 'section') {
        // Inside a section a theme cannot open a group of its own: it heads its rows as text.
        out.push({ kind: 'paragraph', text: title });
      } else {
        const node: Group['node'] = ctx.where === 'top' ? { kind: 'priority', title, items: [] } : { kind: 'section', title, items: [] };
        out.push(node);
        group = { node };
      }
      aim = undefined;
      outcome = undefined;
    }
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
      if (ctx.kind === 'framework' && number && /^\d/.test(number[1])) {
        const first = actionCell.paragraphs.length > 0 ? [number[2].trim(), ...actionCell.paragraphs.slice(1)] : [number[2].trim()];
        const action: NodeOf<'action'> = { kind: 'action', id: number[1], text: first[0]!, items: [] };
        for (const p of [...first.slice(1), ...actionCell.items]) action.items.push({ kind: 'paragraph', text: p });
        work.push(action);
      } else if (number) {
        const commitment: NodeOf<'commitment'> = { kind: 'commitment', id: number[1], text: number[2].trim(), items: [] };
        for (const p of [...actionCell.paragraphs.slice(1), ...actionCell.items]) commitment.items.push({ kind: 'paragraph', text: p });
        work.push(commitment);
      } else {
        for (const text of cellItems(actionCell)) work.push({ kind: 'commitment', text, items: [] });
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
