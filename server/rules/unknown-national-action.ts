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
    let span: string | undefined;
    /** "(it has actions 1–87)", worked out once per document and only when needed. */
    const describeSpan = (): string => {
      if (span !== undefined || !framework) return span ?? '';
      let low = Infinity;
      let high = -Infinity;
      for (const n of framework.actions.keys()) {
        const v = Number(n);
        if (Number.isFinite(v)) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
      span = low <= high ? ` (it has actions ${low}–${high})` : '';
      return span;
    };
    return {
      supports(node) {
        if (!framework || node.target !== 'action' || context.document.kind !== 'strategy') return;
        for (const ref of node.refs) {
          if (framework.actions.has(ref.value)) continue;
          context.report({ message: `Action ${ref.value} is not in framework ${framework.id}${describeSpan()}.`, range: ref.range });
        }
      },
    };
  },
};
