import type { Rule } from './rule.js';

export const unknownNationalAction: Rule = {
  meta: {
    id: 'unknown-national-action',
    defaultSeverity: 'error',
    description: '`supports action N` names an action its framework does not have.',
    fixable: false,
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
