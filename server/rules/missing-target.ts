import { capitalise, describeNode } from '../analysis/walk.js';
import type { Rule } from './rule.js';
import { hasOwnOrInherited } from './support/ancestry.js';
import { insertStatement } from './support/edits.js';

export const missingTarget: Rule = {
  meta: {
    id: 'missing-target',
    defaultSeverity: 'warning',
    description: 'A commitment has no target, so nobody can tell whether it was met.',
    fixable: false,
    docs: {
      why: 'Without a target nobody can say whether the commitment was met; the strategy cannot be monitored.',
      howToFix: 'Add a `target` (direction, value, indicator, baseline, date), or a `measure` with a target inside it. While the value is being agreed, `target tbc` records the gap honestly (and placeholder-target keeps reminding you). Targets of an enclosing priority, section, aim or `outcome { … }` block count for the commitments inside it; a target with nothing in it (`target ""`) counts as none.',
      bad: 'commitment 2 "Increase the numbers successfully leaving treatment"',
      good: 'commitment 2 "Increase the numbers successfully leaving treatment" {\n  target increase 10% NI 40 from 45% by 2013-03\n}',
    },
  },
  create(context) {
    return {
      commitment(node, ancestors) {
        // The same inheritance as missing-owner and missing-measure: an enclosing priority's, section's, aim's or outcome's targets serve what is inside.
        if (hasOwnOrInherited(node, ancestors, 'target', context.document.header)) return;
        context.report({
          message: `${capitalise(describeNode(node))} has no target.`,
          range: node.keywordRange,
          suggestions: [{ title: 'Insert a target to be agreed', edits: [insertStatement(context.document, node, 'target tbc')] }],
        });
      },
    };
  },
};
