import type { Rule } from './rule.js';

export const unknownNationalAction: Rule = {
  meta: {
    id: 'unknown-national-action',
    defaultSeverity: 'error',
    description: '`supports action N` names an action its framework does not have.',
    fixable: false,
    docs: {
      why: 'A local commitment that supports a national action that does not exist links to nothing: the framework\'s coverage cannot be checked.',
      howToFix: 'Use the number of an action of the framework the strategy names (completion lists them), or remove the reference.',
      bad: 'supports action 88',
      good: 'supports action 38',
    },
  },
  create(context) {
    const framework = context.framework;
    return {
      supports(node) {
        if (!framework || node.target !== 'action' || context.document.kind !== 'strategy') return;
        const numbers = [...framework.actions.keys()].map(Number).filter(Number.isFinite);
        const span = numbers.length > 0 ? ` (it has actions ${Math.min(...numbers)}–${Math.max(...numbers)})` : '';
        for (const ref of node.refs) {
          if (framework.actions.has(ref.value)) continue;
          context.report({ message: `Action ${ref.value} is not in framework ${framework.id}${span}.`, range: ref.range });
        }
      },
    };
  },
};
