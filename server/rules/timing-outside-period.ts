import type { DateValue, Range } from '../../grammar/index.js';
import type { Rule } from './rule.js';
import { describeOwner } from './support/ancestry.js';

interface Span {
  readonly first: string;
  readonly last: string;
}

/** Why a timing lies outside `period`, or undefined when it fits. */
export function outsidePeriod(start: DateValue | undefined, end: DateValue | undefined, period: Span): string | undefined {
  if (start && start.first > period.last) return 'starts after the period ends';
  if (end && end.last < period.first) return 'ends before the period starts';
  if (end && end.first > period.last) return 'ends after the period';
  if (start && !end && start.last < period.first) return undefined; // an earlier start that runs on is fine
  return undefined;
}

export const timingOutsidePeriod: Rule = {
  meta: {
    id: 'timing-outside-period',
    defaultSeverity: 'warning',
    description: 'A timing or target date falls outside the period the strategy or framework covers.',
    fixable: false,
    docs: {
      why: 'A commitment due after the strategy ends (or before it starts) cannot be monitored within it.',
      howToFix: 'Bring the timing within the `period` of the strategy or framework, or extend the period if the plan really runs longer.',
      bad: 'period 2010-04 to 2013-03\n…\ntiming by 2014-03',
      good: 'period 2010-04 to 2013-03\n…\ntiming by 2013-03',
    },
  },
  create(context) {
    const period = context.document.period;
    if (!period) return {};
    const span = { first: period.start.first, last: period.end.last };
    const label = `${period.start.text} to ${period.end.text}`;
    const report = (why: string, what: string, range: Range): void =>
      context.report({ message: `${what} ${why} (${label}).`, range });
    return {
      timing(node, ancestors) {
        if (!node.spec) return;
        const s = node.spec;
        const [start, end] =
          s.type === 'on' ? [s.date, s.date] : s.type === 'between' ? [s.start, s.end] : s.type === 'by' ? [undefined, s.end] : [s.start, undefined];
        const why = outsidePeriod(start, end, span);
        const owner = describeOwner(ancestors) ? ` of ${describeOwner(ancestors)}` : '';
        if (why) report(why, `Timing${owner}`, node.range);
      },
      target(node, ancestors) {
        if (!node.deadline) return;
        const why = outsidePeriod(undefined, node.deadline, span);
        const owner = describeOwner(ancestors) ? ` of ${describeOwner(ancestors)}` : '';
        if (why) report(why.replace('ends', 'is due'), `Target date${owner}`, node.deadline.range);
      },
    };
  },
};
