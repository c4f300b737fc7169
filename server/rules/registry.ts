/** Every rule, in the order their findings are documented. The one list the CLI, the server and the docs read. */
import { duplicateId } from './duplicate-id.js';
import { emptyPriority } from './empty-priority.js';
import { indicatorTitleMismatch } from './indicator-title-mismatch.js';
import { missingBaseline } from './missing-baseline.js';
import { missingMeasure } from './missing-measure.js';
import { missingOwner } from './missing-owner.js';
import { missingTarget } from './missing-target.js';
import { numberingGap } from './numbering-gap.js';
import { openNote } from './open-note.js';
import { placeholderTarget } from './placeholder-target.js';
import type { Rule, RuleMeta } from './rule.js';
import { timingOutsidePeriod } from './timing-outside-period.js';
import { undefinedAcronym } from './undefined-acronym.js';
import { unknownFramework } from './unknown-framework.js';
import { unknownIndicator } from './unknown-indicator.js';
import { unknownNationalAction } from './unknown-national-action.js';
import { unknownNationalAim } from './unknown-national-aim.js';
import { unusedSuppression } from './unused-suppression.js';
import { vagueTiming } from './vague-timing.js';

export const RULES: readonly Rule[] = [
  missingOwner,
  missingTarget,
  missingMeasure,
  placeholderTarget,
  missingBaseline,
  unknownIndicator,
  indicatorTitleMismatch,
  unknownNationalAction,
  unknownNationalAim,
  unknownFramework,
  duplicateId,
  numberingGap,
  timingOutsidePeriod,
  vagueTiming,
  openNote,
  undefinedAcronym,
  emptyPriority,
  unusedSuppression,
];

/** Syntax errors are findings too, but not a rule: they cannot be configured or suppressed. */
export const SYNTAX_ERROR_ID = 'syntax-error';

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

const byId = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)?.meta;
}
