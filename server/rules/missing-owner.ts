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
    docs: {
      why: 'A commitment that nobody owns is a commitment nobody delivers. Reviewers and boards need to know whom to ask about progress.',
      howToFix: 'Add `owner` with the accountable organisation or post, in quotes, or an acronym defined in the glossary. An owner on the enclosing priority, section, aim or outcome, or in the `strategy` header, counts for everything inside it; an empty owner (`owner ""`) counts as none.',
      bad: 'commitment P1.2 "Contact X households through targeted campaigns" {\n  timing 2010-04 to 2011-03\n}',
      good: 'commitment P1.2 "Contact X households through targeted campaigns" {\n  owner "District CDRPs"\n  timing 2010-04 to 2011-03\n}',
    },
  },
  create(context: RuleContext) {
    const check = (node: CommitmentDecl | ActionDecl, ancestors: Ancestors): void => {
      if (hasOwnOrInherited(node, ancestors, 'owner', context.document.header)) return;
      context.report({
        message: `${capitalise(describeNode(node))} has no owner.`,
        range: node.keywordRange,
        suggestions: [{ title: 'Insert an owner', edits: [insertStatement(context.document, node, 'owner ""')] }],
      });
    };
    return { commitment: check, action: check };
  },
};
