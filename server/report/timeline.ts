/**
 * The timeline: each commitment's (a framework's: each action's) timing
 * against the document's period. A timing is `dated`, `outside` the period
 * (the same test `timing-outside-period` applies), `vague` (words only, or
 * ongoing with no start, as `vague-timing` says) or `missing`.
 */
import type { CommitmentDecl, ActionDecl, TimingStmt } from '../../grammar/index.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { outsidePeriod } from '../rules/timing-outside-period.js';
import { labelInContext, titleOf } from './labels.js';
import { locate } from './locations.js';
import type { Timeline, TimelineItem } from './report-model.js';
import type { SectionVisitor, SectionWalker } from './section-walk.js';

function timingText(doc: AnalysedDocument, timing: TimingStmt): string {
  return doc.text.slice(timing.range.start.offset, timing.range.end.offset).replace(/^timing\s+/, '').replace(/\s+/g, ' ');
}

function itemFor(doc: AnalysedDocument, timing: TimingStmt | undefined, span: { first: string; last: string } | undefined): Omit<TimelineItem, 'label' | 'title' | 'location'> {
  if (!timing) return { state: 'missing', written: null, start: null, end: null, openEnded: false, note: null };
  const written = timingText(doc, timing);
  const s = timing.spec;
  if (!s) return { state: 'vague', written, start: null, end: null, openEnded: false, note: null };
  const [start, end] = s.type === 'on' ? [s.date, s.date] : s.type === 'between' ? [s.start, s.end] : s.type === 'by' ? [undefined, s.end] : [s.start, undefined];
  const openEnded = s.type === 'from' || s.type === 'ongoing';
  const base = { written, start: start?.first ?? null, end: end?.last ?? null, openEnded };
  if (s.type === 'ongoing' && !s.start) return { ...base, state: 'vague', note: 'ongoing with no start date' };
  const why = span ? outsidePeriod(start, end, span) : undefined;
  return why ? { ...base, state: 'outside', note: why } : { ...base, state: 'dated', note: null };
}

/** The timeline, gathered during the sections' walk. */
export function timelineSection(doc: AnalysedDocument, file: string): SectionWalker & { timeline: Timeline } {
  const span = doc.period ? { first: doc.period.start.first, last: doc.period.end.last } : undefined;
  const items: TimelineItem[] = [];
  const visit: SectionVisitor = (node, ancestors) => {
    if (node.kind !== 'commitment' && node.kind !== 'action') return;
    const own = (node as CommitmentDecl | ActionDecl).items.find((s): s is TimingStmt => s.kind === 'timing');
    items.push({ label: labelInContext(node, ancestors), title: titleOf(node), location: locate(file, node.keywordRange), ...itemFor(doc, own, span) });
  };
  return {
    kinds: ['commitment', 'action'],
    visit,
    timeline: {
      period: doc.period && span ? { ...span, text: `${doc.period.start.text} to ${doc.period.end.text}` } : null,
      items,
    },
  };
}
