/** The gaps: every finding, grouped by the priority it falls in (the document itself for the rest). */
import type { PriorityDecl } from '../../grammar/index.js';
import type { Finding } from '../rules/rule.js';
import { labelOf } from './labels.js';
import { locate } from './locations.js';
import type { GapGroup, ReportFinding } from './report-model.js';
import type { SectionWalker } from './section-walk.js';

export function toReportFinding(file: string, f: Finding): ReportFinding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, location: locate(file, f.range) };
}

/** The gaps, from the priorities met in the sections' walk. */
export function gapsSection(file: string, findings: readonly Finding[]): SectionWalker & { gaps: () => GapGroup[] } {
  const priorities: PriorityDecl[] = [];
  return {
    kinds: ['priority'],
    visit: (node) => {
      if (node.kind === 'priority') priorities.push(node);
    },
    gaps: () => buildGaps(file, findings, priorities),
  };
}

function buildGaps(file: string, findings: readonly Finding[], priorities: readonly PriorityDecl[]): GapGroup[] {
  const groups = new Map<PriorityDecl | null, ReportFinding[]>();
  for (const f of findings) {
    const at = f.range.start.offset;
    // Priorities come in document order, outer before inner: the last that contains the finding is the innermost.
    let home: PriorityDecl | null = null;
    for (const p of priorities) if (p.range.start.offset <= at && at < p.range.end.offset) home = p;
    const list = groups.get(home) ?? [];
    list.push(toReportFinding(file, f));
    groups.set(home, list);
  }
  const out: GapGroup[] = [];
  const whole = groups.get(null);
  if (whole) out.push({ priority: null, findings: whole });
  for (const p of priorities) {
    const list = groups.get(p);
    if (list) out.push({ priority: { label: `${labelOf(p)}${p.title && p.id ? ` — ${p.title.value}` : ''}`, location: locate(file, p.keywordRange) }, findings: list });
  }
  return out;
}
