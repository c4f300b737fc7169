import type { Rule } from './rule.js';

/**
 * Reported by the engine (see analysis/suppressions.ts), which alone knows
 * which suppression comments were used; declared here so that it has an id,
 * a severity and a doc page like every other rule.
 */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    defaultSeverity: 'warning',
    description: 'A `strategy-disable…` comment suppresses nothing (or names a rule that does not exist).',
    fixable: true,
  },
  create: () => ({}),
};
