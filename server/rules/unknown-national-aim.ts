import type { Identifier } from '../../grammar/index.js';
import { closestWord } from '../../grammar/spelling.js';
import type { Rule } from './rule.js';

export const unknownNationalAim: Rule = {
  meta: {
    id: 'unknown-national-aim',
    defaultSeverity: 'error',
    description: 'A national aim code is not one of its framework’s aims.',
    fixable: false,
    docs: {
      why: 'A national aim code that the framework does not define links to nothing.',
      howToFix: 'Use a code of one of the framework\'s aims (completion lists them), or write the aim in words: `national aim "…"`.',
      bad: 'national aim PC.9',
      good: 'national aim PC.1',
    },
  },
  create(context) {
    const framework = context.framework;
    const check = (ref: Identifier | undefined): void => {
      if (!framework || !ref || context.document.kind !== 'strategy' || framework.aims.has(ref.value)) return;
      const near = closestWord(ref.value, [...framework.aims.keys()]);
      context.report({
        message: `Aim ${ref.value} is not in framework ${framework.id}.${near ? ` Did you mean ${near}?` : ''}`,
        range: ref.range,
        suggestions: near ? [{ title: `Change to ${near}`, edits: [{ range: ref.range, newText: near }] }] : [],
      });
    };
    return {
      nationalAim: (node) => check(node.id),
      supports: (node) => {
        if (node.target === 'aim') node.refs.forEach(check);
      },
    };
  },
};
