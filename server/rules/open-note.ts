import type { Rule } from './rule.js';

export const openNote: Rule = {
  meta: {
    id: 'open-note',
    defaultSeverity: 'warning',
    description: 'An editorial note is left in the document ("add reference", "TBC", "?add para…").',
    fixable: false,
  },
  create(context) {
    return {
      note(node) {
        const text = node.text?.value ?? '';
        const shown = text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text;
        context.report({ message: `Editorial note left in the document: "${shown}".`, range: node.range });
      },
    };
  },
};
