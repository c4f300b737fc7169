import { describeNode } from '../analysis/walk.js';
import type { Rule } from './rule.js';
import { placeholderOf } from './placeholder-target.js';

export const missingBaseline: Rule = {
  meta: {
    id: 'missing-baseline',
    defaultSeverity: 'info',
    description: 'A target sets a direction or a value but no baseline (`from …`) to measure change against.',
    fixable: false,
  },
  create(context) {
    return {
      target(node, ancestors) {
        if (node.baseline || placeholderOf(node)) return;
        if (!node.direction && node.value?.number === undefined) return;
        const owner = ancestors.length > 0 ? ` of ${describeNode(ancestors[ancestors.length - 1]!)}` : '';
        context.report({ message: `Target${owner} has no baseline: add \`from …\` with the starting value.`, range: node.range });
      },
    };
  },
};
