/** Measures and targets: each indicator with its catalogue title, each target's baseline, value and date, placeholders marked. */
import type { MeasureDecl, Statement, TargetStmt } from '../../grammar/index.js';
import type { Ancestors } from '../analysis/walk.js';
import { indicatorLabel, type IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';
import { placeholderOf } from '../rules/placeholder-target.js';
import type { Finding } from '../rules/rule.js';
import { labelOf, nearest } from './labels.js';
import { locate } from './locations.js';
import type { MeasureRow, TargetRow } from './report-model.js';
import type { SectionVisitor, SectionWalker } from './section-walk.js';

const isHolder = (kind: Statement['kind']): boolean => kind === 'commitment' || kind === 'action' || kind === 'aim' || kind === 'priority';

function within(ancestors: Ancestors): string | null {
  const outer = nearest(ancestors, isHolder);
  return outer ? labelOf(outer) : null;
}

function inside(range: { start: { offset: number }; end: { offset: number } }, f: Finding): boolean {
  return f.range.start.offset >= range.start.offset && f.range.start.offset < range.end.offset;
}

/** Measures and targets, gathered during the sections' walk. */
export function measuresSection(file: string, catalogue: IndicatorCatalogue, findings: readonly Finding[]): SectionWalker & { measures: MeasureRow[]; targets: TargetRow[] } {
  const measures: MeasureRow[] = [];
  const targets: TargetRow[] = [];
  const mismatches = findings.filter((f) => f.ruleId === 'indicator-title-mismatch');
  const visit: SectionVisitor = (node: Statement, ancestors) => {
    if (node.kind === 'measure') {
      const code = node.indicator?.code;
      const entry = code !== undefined ? catalogue.get(code) : undefined;
      measures.push({
        indicator: code !== undefined ? indicatorLabel(code) : null,
        quotedTitle: node.title?.value ?? null,
        catalogueTitle: entry?.title ?? null,
        known: code === undefined || entry !== undefined,
        titleDiffers: mismatches.length > 0 && mismatches.some((f) => inside(node.range, f)),
        within: within(ancestors),
        location: locate(file, node.keywordRange),
      });
    } else if (node.kind === 'target') {
      const t = node as TargetStmt;
      const measure = nearest(ancestors, (kind) => kind === 'measure') as MeasureDecl | undefined;
      const code = t.indicator?.code ?? measure?.indicator?.code;
      const value = t.direction || t.value ? [t.direction?.value, t.value?.text].filter(Boolean).join(' ') : null;
      targets.push({
        text: t.words?.value ?? value ?? 'target',
        indicator: code !== undefined ? indicatorLabel(code) : null,
        catalogueTitle: code !== undefined ? (catalogue.get(code)?.title ?? null) : null,
        baseline: t.baseline?.text ?? null,
        value,
        date: t.deadline?.text ?? null,
        placeholder: placeholderOf(t) ?? null,
        within: within(ancestors),
        location: locate(file, t.keywordRange),
      });
    }
  };
  return { kinds: ['measure', 'target'], visit, measures, targets };
}
