import type { Statement } from '../../grammar/index.js';
import { capitalise, describeNode } from '../analysis/walk.js';
import type { Rule } from './rule.js';

/** What makes a priority more than a heading. */
const SUBSTANCE: ReadonlySet<Statement['kind']> = new Set(['commitment', 'action', 'aim', 'outcome', 'target']);

function hasSubstance(items: readonly Statement[]): boolean {
  return items.some((s) => SUBSTANCE.has(s.kind) || (s.kind === 'section' && hasSubstance(s.items)));
}

export const emptyPriority: Rule = {
  meta: {
    id: 'empty-priority',
    defaultSeverity: 'warning',
    description: 'A priority holds no commitments, aims, actions, outcomes or targets.',
    fixable: false,
  },
  create(context) {
    return {
      priority(node) {
        if (hasSubstance(node.items)) return;
        const what = context.document.kind === 'framework' ? 'aims or actions' : 'commitments';
        context.report({ message: `${capitalise(describeNode(node))} has no ${what}.`, range: node.keywordRange });
      },
    };
  },
};
