import type { Rule } from './rule.js';
import { describeOwner } from './support/ancestry.js';
import { placeholderOf } from './placeholder-target.js';

export const missingBaseline: Rule = {
  meta: {
    id: 'missing-baseline',
    defaultSeverity: 'info',
    description: 'A target sets a direction or a value but no baseline (`from …`) to measure change against.',
    fixable: false,
    docs: {
      why: 'A direction or a value means little without the starting point: "reduce by 10%" from what, measured when?',
      howToFix: 'Add `from` with the baseline value: `target reduce 10% NI 38 from 2.3% by 2013-03`.',
      bad: 'target reduce NI 38 by 2013-03',
      good: 'target reduce NI 38 from 2.3% by 2013-03',
    },
  },
  create(context) {
    return {
      target(node, ancestors) {
        if (node.baseline || placeholderOf(node)) return;
        if (!node.direction && node.value?.number === undefined) return;
        const owner = describeOwner(ancestors) ? ` of ${describeOwner(ancestors)}` : '';
        context.report({ message: `Target${owner} has no baseline: add \`from …\` with the starting value.`, range: node.range });
      },
    };
  },
};
