import { quote } from '../../grammar/index.js';
import { indicatorLabel, titlesAgree } from '../catalogue/indicator-catalogue.js';
import type { Fix, Rule } from './rule.js';

export const indicatorTitleMismatch: Rule = {
  meta: {
    id: 'indicator-title-mismatch',
    defaultSeverity: 'warning',
    description: 'A measure quotes a National Indicator under a title that differs from the catalogue’s.',
    fixable: true,
    docs: {
      why: 'Indicators are often quoted from memory; a wrong title hides a wrong indicator, and readers cannot tell which one is meant.',
      howToFix: 'Use the catalogue\'s title (`strategy lint --fix` does this when the catalogue title is official), or correct the code if the title was right. Titles are compared ignoring case, punctuation and spacing; shorthand titles from informal sources are never used to correct yours.',
      bad: 'measure NI 40 "Drug Users in Effective Treatment"',
      good: 'measure NI 40 "Number of drug users recorded as being in effective treatment"',
    },
  },
  create(context) {
    return {
      measure(node) {
        if (!node.indicator || !node.title) return;
        const indicator = context.catalogue.get(node.indicator.code);
        // Informal titles are a council's shorthand: not an authority to correct anyone against.
        if (!indicator?.title || indicator.quality === 'informal') return;
        if (titlesAgree(node.title.value, indicator.title)) return;
        const fix: Fix = {
          title: `Use the catalogue title of ${indicatorLabel(indicator.code)}`,
          edits: [{ range: node.title.range, newText: quote(indicator.title.replace(/\s*…$/, '')) }],
        };
        const authoritative = indicator.quality === 'official' || indicator.quality === 'configured';
        context.report({
          message: `${indicatorLabel(indicator.code)} is quoted as "${node.title.value}", but its title is "${indicator.title}".`,
          range: node.title.range,
          ...(authoritative && !indicator.title.endsWith('…') ? { fix } : { suggestions: [fix] }),
        });
      },
    };
  },
};
