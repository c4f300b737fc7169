import type { TargetStmt } from '../../grammar/index.js';
import type { Rule } from './rule.js';
import { describeOwner, quoteShort } from './support/ancestry.js';

/** Placeholders a draft leaves in a target's words: X, XX, X %, TBC, TBD, "?". */
const PLACEHOLDER_IN_WORDS = /(?<![\w-])(X{1,4}(?:\s?%)?|TBC|tbc|TBD|tbd|\?\?+)(?![\w-])/;

export function placeholderOf(target: TargetStmt): string | undefined {
  if (target.value?.placeholder) return target.value.text;
  if (target.baseline?.placeholder) return `from ${target.baseline.text}`;
  const m = target.words ? PLACEHOLDER_IN_WORDS.exec(target.words.value) : null;
  return m ? m[1] : undefined;
}

export const placeholderTarget: Rule = {
  meta: {
    id: 'placeholder-target',
    defaultSeverity: 'warning',
    severityByStatus: { final: 'error', published: 'error' },
    description: 'A target still holds a placeholder (X, XX, X %, TBC…) instead of a value.',
    fixable: false,
    docs: {
      why: 'Drafts fill targets with X, XX, X % or TBC while figures are agreed. Published that way, the strategy commits to nothing measurable.',
      howToFix: 'Replace the placeholder with the agreed value, or keep `target tbc` deliberately and suppress the finding with a reason until the figure is agreed.',
      bad: 'target "Contact X households through specific and targeted information campaigns"',
      good: 'target 5000 "households contacted through targeted information campaigns" by 2011-03',
    },
  },
  create(context) {
    return {
      target(node, ancestors) {
        const placeholder = placeholderOf(node);
        if (!placeholder) return;
        const owner = describeOwner(ancestors);
        const name = node.words ? `Target ${quoteShort(node.words.value)}${owner ? ` in ${owner}` : ''}` : `Target${owner ? ` of ${owner}` : ''}`;
        context.report({ message: `${name} is a placeholder (${placeholder}): agree the value before publication.`, range: node.range });
      },
    };
  },
};
