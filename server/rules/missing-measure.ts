import { capitalise, describeNode } from '../analysis/walk.js';
import type { Rule } from './rule.js';
import { hasOwnOrInherited } from './support/ancestry.js';
import { insertStatement } from './support/edits.js';

export const missingMeasure: Rule = {
  meta: {
    id: 'missing-measure',
    defaultSeverity: 'info',
    description: 'A commitment has no measure (an indicator or a local measure), here or in the priority it belongs to.',
    fixable: false,
    docs: {
      why: 'A commitment should say how progress will be measured: a National Indicator or a local measure.',
      howToFix: 'Add a `measure` (for example `measure NI 40` or `measure "Households contacted"`) to the commitment or to the priority, section or outcome it belongs to (a priority’s measures may sit in a section of their own, such as “LAA Indicators”), or name an indicator in its target. An empty measure (`measure ""`) counts as none.',
      bad: 'commitment 3 "Improve access to drug treatment through GPs"',
      good: 'commitment 3 "Improve access to drug treatment through GPs" {\n  measure NI 40\n}',
    },
  },
  create(context) {
    return {
      commitment(node, ancestors) {
        if (hasOwnOrInherited(node, ancestors, 'measure', context.document.header)) return;
        context.report({
          message: `${capitalise(describeNode(node))} has no measure.`,
          range: node.keywordRange,
          suggestions: [{ title: 'Insert a measure', edits: [insertStatement(context.document, node, 'measure ""')] }],
        });
      },
    };
  },
};
