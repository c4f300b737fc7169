import { capitalise, describeNode } from '../analysis/walk.js';
import type { Rule } from './rule.js';
import { isTargetBearing } from './support/ancestry.js';
import { insertStatement } from './support/edits.js';

export const missingTarget: Rule = {
  meta: {
    id: 'missing-target',
    defaultSeverity: 'warning',
    description: 'A commitment has no target, so nobody can tell whether it was met.',
    fixable: false,
  },
  create(context) {
    return {
      commitment(node, ancestors) {
        if (node.items.some(isTargetBearing)) return;
        // An outcome block's targets serve every action inside it.
        if (ancestors.some((a) => a.kind === 'outcome' && a.items.some(isTargetBearing))) return;
        context.report({
          message: `${capitalise(describeNode(node))} has no target.`,
          range: node.keywordRange,
          suggestions: [{ title: 'Insert a target to be agreed', edits: [insertStatement(context.document, node, 'target tbc')] }],
        });
      },
    };
  },
};
