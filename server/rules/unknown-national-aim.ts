import type { Identifier } from '../../grammar/index.js';
import { closestWord } from '../../grammar/spelling.js';
import type { Rule } from './rule.js';

export const unknownNationalAim: Rule = {
  meta: {
    id: 'unknown-national-aim',
    defaultSeverity: 'error',
    description: 'A national aim code is not one of its framework’s aims.',
    fixable: false,
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
