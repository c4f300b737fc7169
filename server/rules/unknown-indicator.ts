import type { IndicatorRef } from '../../grammar/index.js';
import { indicatorLabel } from '../catalogue/indicator-catalogue.js';
import type { Rule, RuleContext } from './rule.js';

export const unknownIndicator: Rule = {
  meta: {
    id: 'unknown-indicator',
    defaultSeverity: 'error',
    description: 'An `NI` code is not in the National Indicator Set (NI 1–30, NI 32–199) or the workspace’s own indicators.',
    fixable: false,
    docs: {
      why: 'The National Indicator Set has NI 1–30 and NI 32–199. Any other code (NI 31 was dropped before publication) cannot be reported against.',
      howToFix: 'Correct the code (the quick fix offers the nearest real ones), or add a local indicator to `indicators` in strategy.config.json.',
      bad: 'measure NI 31',
      good: 'measure NI 30',
    },
  },
  create(context: RuleContext) {
    const check = (ref: IndicatorRef | undefined): void => {
      if (!ref || context.catalogue.has(ref.code)) return;
      const why = ref.code === 31 ? ' (NI 31 was dropped before the set was published)' : '';
      context.report({
        message: `${indicatorLabel(ref.code)} is not a National Indicator${why}: the set runs NI 1–30 and NI 32–199.`,
        range: ref.range,
        suggestions: context.catalogue.nearest(ref.code).map((i) => ({
          title: `Change to ${indicatorLabel(i.code)}${i.title ? ` (${i.title})` : ''}`,
          edits: [{ range: ref.range, newText: indicatorLabel(i.code) }],
        })),
      });
    };
    return {
      measure: (node) => check(node.indicator),
      target: (node) => check(node.indicator),
    };
  },
};
