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
    docs: {
      why: 'A suppression comment that suppresses nothing hides nothing today but will hide a real finding tomorrow; one naming an unknown rule is a typo.',
      howToFix: 'Remove the comment (`strategy lint --fix` does), or correct the rule id.',
      bad: '// strategy-disable-next-line missing-owner\ncommitment 1 "…" { owner "SMOG" }',
      good: 'commitment 1 "…" { owner "SMOG" }',
    },
  },
  create: () => ({}),
};
