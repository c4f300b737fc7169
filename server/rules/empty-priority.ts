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
    docs: {
      why: 'A priority with no commitments is a heading, not a priority: nothing will be done under it.',
      howToFix: 'Add the commitments (or, in a framework, the aims and actions) that deliver it, or remove the priority.',
      bad: 'priority 4 "Recovery" {\n  "We will build on our recovery services."\n}',
      good: 'priority 4 "Recovery" {\n  commitment 1 "Embed recovery-oriented systems of care" { owner "SMOG" }\n}',
    },
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
