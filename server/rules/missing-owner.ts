import type { ActionDecl, CommitmentDecl } from '../../grammar/index.js';
import { capitalise, describeNode, type Ancestors } from '../analysis/walk.js';
import type { Rule, RuleContext } from './rule.js';
import { hasOwnOrInherited } from './support/ancestry.js';
import { insertStatement } from './support/edits.js';

export const missingOwner: Rule = {
  meta: {
    id: 'missing-owner',
    defaultSeverity: 'warning',
    description: 'A commitment or national action names nobody accountable for it.',
    fixable: false,
  },
  create(context: RuleContext) {
    const check = (node: CommitmentDecl | ActionDecl, ancestors: Ancestors): void => {
      if (hasOwnOrInherited(node, ancestors, 'owner')) return;
      context.report({
        message: `${capitalise(describeNode(node))} has no owner.`,
        range: node.keywordRange,
        suggestions: [{ title: 'Insert an owner', edits: [insertStatement(context.document, node, 'owner ""')] }],
      });
    };
    return { commitment: check, action: check };
  },
};
