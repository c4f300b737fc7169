/**
 * Coverage of the national framework: which of its aims and actions the
 * strategy's commitments answer to (`supports action 3`, `supports aim PC.1`,
 * `national aim PC.1` or `national aim "…"` in words), which none does, and
 * the references that name nothing in the framework.
 */
import type { Statement } from '../../grammar/index.js';
import type { FrameworkIndex, NationalAction } from '../analysis/framework-index.js';
import type { Ancestors } from '../analysis/walk.js';
import { labelInContext, titleOf } from './labels.js';
import { locate } from './locations.js';
import type { Coverage, CoverageAim, Supporter } from './report-model.js';
import type { SectionVisitor, SectionWalker } from './section-walk.js';

/** Aim titles compared ignoring case, punctuation and spacing, as authors quote them loosely. */
export function normaliseTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What answers: the statement's nearest commitment, else its priority, section or aim; as an index into `ancestors`, -1 for none. */
function supporterAt(ancestors: Ancestors): number {
  for (let i = ancestors.length - 1; i >= 0; i--) if (ancestors[i]!.kind === 'commitment') return i;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const kind = ancestors[i]!.kind;
    if (kind === 'priority' || kind === 'section' || kind === 'aim') return i;
  }
  return -1;
}

/** For each of the framework's actions, who in `doc` supports it: the shared core of coverage and the national view. */
export interface Answers {
  readonly actions: Map<string, Supporter[]>;
  readonly aims: Map<string, Supporter[]>;
  readonly unknownReferences: Coverage['unknownReferences'];
  readonly unmatchedAimTexts: Coverage['unmatchedAimTexts'];
}

const aimTitlesCache = new WeakMap<FrameworkIndex, Map<string, string>>();

/** The framework's aims by normalised title, once per framework rather than once per strategy. */
function aimTitles(framework: FrameworkIndex): Map<string, string> {
  let byTitle = aimTitlesCache.get(framework);
  if (!byTitle) {
    byTitle = new Map();
    for (const [code, aim] of framework.aims) if (aim.node.title) byTitle.set(normaliseTitle(aim.node.title.value), code);
    aimTitlesCache.set(framework, byTitle);
  }
  return byTitle;
}

/** Who answers what, gathered during the sections' walk: what the coverage section and the national view are made from. */
export function answersSection(file: string, framework: FrameworkIndex): SectionWalker & { answers: Answers } {
  const actions = new Map<string, Supporter[]>();
  const aims = new Map<string, Supporter[]>();
  const unknownReferences: Answers['unknownReferences'] = [];
  const unmatchedAimTexts: Answers['unmatchedAimTexts'] = [];
  const aimByTitle = aimTitles(framework);
  const add = (map: Map<string, Supporter[]>, key: string, who: Supporter): void => {
    const list = map.get(key) ?? [];
    if (!list.some((s) => s.location.line === who.location.line && s.label === who.label)) list.push(who);
    map.set(key, list);
  };
  const visit: SectionVisitor = (node, ancestors) => {
    if (node.kind !== 'supports' && node.kind !== 'nationalAim') return;
    const at = supporterAt(ancestors);
    const owner = at >= 0 ? ancestors[at]! : undefined;
    const where = owner ?? node;
    const who: Supporter = { label: owner ? labelInContext(owner, ancestors, at) : 'The document', location: locate(file, where.keywordRange) };
    if (node.kind === 'supports') {
      for (const ref of node.refs) {
        const known = node.target === 'action' ? framework.actions.has(ref.value) : framework.aims.has(ref.value);
        if (known) add(node.target === 'action' ? actions : aims, ref.value, who);
        else unknownReferences.push({ kind: node.target, ref: ref.value, from: who.label, location: locate(file, ref.range) });
      }
      return;
    }
    if (node.id) {
      if (framework.aims.has(node.id.value)) add(aims, node.id.value, who);
      else unknownReferences.push({ kind: 'aim', ref: node.id.value, from: who.label, location: locate(file, node.id.range) });
    } else if (node.title) {
      const code = aimByTitle.get(normaliseTitle(node.title.value));
      if (code) add(aims, code, who);
      else unmatchedAimTexts.push({ text: node.title.value, from: who.label, location: locate(file, node.title.range) });
    }
  };
  return { kinds: ['supports', 'nationalAim'], visit, answers: { actions, aims, unknownReferences, unmatchedAimTexts } };
}

/** The framework's actions grouped by aim, in document order; actions outside any aim are grouped by priority. */
interface AimGroup {
  readonly key: string;
  readonly code: string | null;
  readonly title: string | null;
  readonly node: Statement | undefined;
  readonly actions: NationalAction[];
}
const groupsCache = new WeakMap<FrameworkIndex, AimGroup[]>();

export function actionsByAim(framework: FrameworkIndex): readonly AimGroup[] {
  let groups = groupsCache.get(framework);
  if (!groups) {
    groups = groupActions(framework);
    groupsCache.set(framework, groups);
  }
  return groups;
}

function groupActions(framework: FrameworkIndex): AimGroup[] {
  const groups = new Map<string, AimGroup>();
  for (const aim of framework.aims.values()) groups.set(`aim:${aim.code}`, { key: `aim:${aim.code}`, code: aim.code, title: titleOf(aim.node), node: aim.node, actions: [] });
  for (const action of framework.actions.values()) {
    const key = action.aim?.id ? `aim:${action.aim.id.value}` : `priority:${action.priority?.id?.value ?? action.priority?.title?.value ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, code: null, title: action.priority ? titleOf(action.priority) : null, node: action.priority, actions: [] };
      groups.set(key, group);
    }
    group.actions.push(action);
  }
  return [...groups.values()];
}

/** What every strategy's coverage says the same of the framework: its aims and actions, their titles and places. */
interface FrameworkRows {
  readonly file: string;
  readonly aims: readonly (Omit<CoverageAim, 'supporters' | 'actions'> & { readonly actions: readonly Omit<CoverageAim['actions'][number], 'supporters'>[] })[];
}
const rowsCache = new WeakMap<FrameworkIndex, FrameworkRows>();

function frameworkRows(framework: FrameworkIndex, frameworkFile: string): FrameworkRows {
  const cached = rowsCache.get(framework);
  if (cached && cached.file === frameworkFile) return cached;
  const rows: FrameworkRows = {
    file: frameworkFile,
    aims: actionsByAim(framework).map((g) => ({
      code: g.code,
      title: g.title,
      location: g.node && 'keywordRange' in g.node ? locate(frameworkFile, g.node.keywordRange) : null,
      actions: g.actions.map((a) => ({ number: a.number, title: titleOf(a.node), location: locate(frameworkFile, a.node.keywordRange) })),
    })),
  };
  rowsCache.set(framework, rows);
  return rows;
}

/** `answers`: what `answersSection` gathered in the walk. */
export function buildCoverage(answers: Answers, framework: FrameworkIndex, frameworkFile: string): Coverage {
  // The framework's part is shared (read-only) by every strategy's coverage; only the supporters are the strategy's.
  // Objects written out rather than spread (in the spread's key order): this runs for every action of the framework in every strategy.
  const aims: CoverageAim[] = frameworkRows(framework, frameworkFile).aims.map((g) => ({
    code: g.code,
    title: g.title,
    location: g.location,
    actions: g.actions.map((a) => ({ number: a.number, title: a.title, location: a.location, supporters: answers.actions.get(a.number) ?? [] })),
    supporters: g.code ? (answers.aims.get(g.code) ?? []) : [],
  }));
  const realAims = aims.filter((a) => a.code !== null);
  return {
    framework: { id: framework.id, title: framework.title ?? null, file: frameworkFile },
    aims,
    answeredActions: aims.reduce((n, a) => n + a.actions.filter((x) => x.supporters.length > 0).length, 0),
    totalActions: framework.actions.size,
    // An aim is answered when something names it or supports one of its actions.
    answeredAims: realAims.filter((a) => a.supporters.length > 0 || a.actions.some((x) => x.supporters.length > 0)).length,
    totalAims: realAims.length,
    unknownReferences: answers.unknownReferences,
    unmatchedAimTexts: answers.unmatchedAimTexts,
  };
}
