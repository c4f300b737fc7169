import type { Rule } from './rule.js';
import { describeOwner } from './support/ancestry.js';

export const vagueTiming: Rule = {
  meta: {
    id: 'vague-timing',
    defaultSeverity: 'warning',
    description: 'A timing gives no date (only words such as "Ongoing" or "Subject to evaluation"), so progress cannot be checked against it.',
    fixable: false,
    docs: {
      why: '"Ongoing", "Subject to evaluation" and "To be determined" give no date to check progress against.',
      howToFix: 'Put a date, range or deadline before the words, keeping the words: `timing ongoing from 2008-04 "Ongoing, from April 2008"`, `timing by 2009-03 "Subject to evaluation"`.',
      bad: 'timing "Subject to evaluation"',
      good: 'timing by 2009-03 "Subject to evaluation"',
    },
  },
  create(context) {
    return {
      timing(node, ancestors) {
        const owner = describeOwner(ancestors) ? ` of ${describeOwner(ancestors)}` : '';
        if (!node.spec) {
          const words = node.words ? ` "${node.words.value}"` : '';
          context.report({ message: `Timing${owner}${words} gives no date: add a date, range or deadline before the words.`, range: node.range });
        } else if (node.spec.type === 'ongoing' && !node.spec.start) {
          context.report({ message: `Timing${owner} is ongoing with no start date: write \`ongoing from DATE\`.`, range: node.range });
        }
      },
    };
  },
};
