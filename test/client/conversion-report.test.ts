import assert from 'node:assert/strict';
import { reportMarkdown, reportSummary } from '../../client/conversion-report.js';
import type { ConversionReport } from '../../client/converter-api.js';

const report: ConversionReport = {
  input: '/w/seeds/plan.md',
  output: '/w/seeds/plan.strategy',
  documentKind: 'strategy',
  counts: { priorities: 4, commitments: 28, measures: 7, glossary: 0, nationalAims: 1, partners: 1 },
  unplaced: [{ text: 'Page 3 of 12', line: 80 }, { text: 'a | b\nc' }],
  coverage: { sourceWords: 12345, coveredWords: 12000, ratio: 12000 / 12345, anyOrder: 12300 / 12345, missing: ['the words of a dropped line'] },
};

describe('conversion report', () => {
  it('sums up in one line: kind, the structure found, coverage and what is left', () => {
    assert.equal(
      reportSummary(report),
      'Converted plan.md to a strategy (4 priorities, 28 commitments, 1 national aim, 7 measures); 97.2% of its words placed; 2 passages left to place by hand.',
    );
    assert.match(
      reportSummary({ ...report, counts: { priorities: 1, nationalAims: 18, partners: 1, paragraphs: 40 } }),
      /\(1 priority, 18 national aims\)/,
    );
    // A document with none of the headline constructs: its biggest counts.
    assert.match(
      reportSummary({ ...report, counts: { paragraphs: 40, notes: 3, partners: 1 } }),
      /\(40 paragraphs, 3 notes, 1 partner\)/,
    );
  });

  it('lists every count, the coverage in words and each unplaced passage', () => {
    const md = reportMarkdown(report);
    assert.match(md, /^# Conversion report: plan\.md$/m);
    assert.match(md, /- Result: `\/w\/seeds\/plan\.strategy`/);
    assert.match(md, /Coverage: 97\.2% \(12,000 words of the source's 12,345 words are in the result in their order; 99\.6% in any order\)/);
    assert.match(md, /Not kept in order: "the words of a dropped line"/);
    assert.match(md, /^\| commitments \| 28 \|$/m);
    assert.match(md, /^\| glossary \| 0 \|$/m);
    assert.match(md, /^\| nationalAims \| 1 \|$/m);
    assert.match(md, /^## Text not placed \(2\)$/m);
    assert.match(md, /^- line 80: Page 3 of 12$/m);
    // A table cell or list item must not be broken by the passage's own `|` or line breaks.
    assert.match(md, /^- a \\\| b c$/m);
  });

  it('says so when everything was placed', () => {
    const md = reportMarkdown({ ...report, unplaced: [] });
    assert.match(md, /Every passage of the source found a place in the result\./);
    assert.doesNotMatch(reportSummary({ ...report, unplaced: [] }), /left to place/);
  });
});
