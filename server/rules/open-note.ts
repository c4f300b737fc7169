import type { Rule } from './rule.js';

export const openNote: Rule = {
  meta: {
    id: 'open-note',
    defaultSeverity: 'warning',
    severityByStatus: { final: 'error', published: 'error' },
    description: 'An editorial note is left in the document ("add reference", "TBC", "?add para…").',
    fixable: false,
    docs: {
      why: 'Drafts carry editorial notes ("add reference", "?add para on drug markets", "TBC"). None should reach publication.',
      howToFix: 'Do what the note asks and delete it. To keep a note while a draft circulates, suppress the finding for that line with a reason.',
      bad: 'note "?add para on drug markets"',
      good: '"Both open and closed drug markets exist in the county; most are closed."',
    },
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
