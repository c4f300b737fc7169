import { describeNode } from '../analysis/walk.js';
import type { Rule } from './rule.js';

export const vagueTiming: Rule = {
  meta: {
    id: 'vague-timing',
    defaultSeverity: 'warning',
    description: 'A timing gives no date (only words such as "Ongoing" or "Subject to evaluation"), so progress cannot be checked against it.',
    fixable: false,
  },
  create(context) {
    return {
      timing(node, ancestors) {
        const owner = ancestors.length > 0 ? ` of ${describeNode(ancestors[ancestors.length - 1]!)}` : '';
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
