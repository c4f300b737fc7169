/**
 * Every rule: documents that trigger it (with the exact finding expected) and
 * documents that do not. Each case lints one document next to the 2008
 * framework fixture, through the same engine the CLI and the server use.
 */
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/analysis/engine.js';
import { RULES } from '../../server/rules/registry.js';
import { describeFindings, lintText } from '../support/lint.js';

interface RuleCases {
  readonly triggers: { text: string; expect: string[] }[];
  readonly clean: string[];
}

const S = 'strategy "S" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n';

const CASES: Record<string, RuleCases> = {
  'missing-owner': {
    triggers: [
      { text: `${S}priority P1 "x" {\n  commitment P1.2 "Contact households" {\n    timing 2011\n  }\n}\n`, expect: ['6:3 missing-owner Commitment P1.2 has no owner.'] },
      { text: 'framework f "F" {}\npriority A "a" {\n  action 1 "Do it"\n}\n', expect: ['3:3 missing-owner Action 1 has no owner.'] },
      { text: `${S}priority P1 "x" {\n  commitment "Contact households in every district of the county through campaigns"\n}\n`, expect: ['6:3 missing-owner Commitment "Contact households in every district of the cou…" has no owner.'] },
    ],
    clean: [
      `${S}priority P1 "x" {\n  commitment 1 "y" { owner "Police" }\n}\n`,
      `${S}priority P1 "x" {\n  owner "SMOG"\n  commitment 1 "y"\n}\n`,
      `${S}priority P1 "x" {\n  outcome "o" {\n    owner HO\n    commitment "y"\n  }\n}\n`,
      // The strategy header's owner counts for everything in it.
      'strategy "S" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n  owner "Safer Communities Partnership"\n}\npriority P1 "x" {\n  commitment 1 "y"\n}\n',
    ],
  },
  'missing-owner (an empty owner is no owner)': {
    triggers: [
      { text: `${S}priority P1 "x" {\n  commitment 1 "y" { owner "" }\n}\n`, expect: ['6:3 missing-owner Commitment 1 has no owner.'] },
      { text: `${S}priority P1 "x" {\n  owner "  "\n  commitment 1 "y"\n}\n`, expect: ['7:3 missing-owner Commitment 1 has no owner.'] },
    ],
    clean: [],
  },
  'missing-target': {
    triggers: [{ text: `${S}priority P1 "x" {\n  commitment 2 "Increase numbers leaving treatment" { owner "PCT" }\n}\n`, expect: ['6:3 missing-target Commitment 2 has no target.'] }],
    clean: [
      `${S}commitment 1 "y" { target tbc }\n`,
      `${S}commitment 1 "y" {\n  measure NI 40 { target increase }\n}\n`,
      `${S}priority 1 "x" {\n  outcome "o" {\n    commitment "y"\n    measure "m" { target reduce }\n  }\n}\n`,
      // As for owners and measures: a priority's target (in a section of its own too) counts for its commitments.
      `${S}priority 1 "x" {\n  target reduce NI 38 by 2013-03\n  commitment "y"\n}\n`,
      `${S}priority 13.1 "x" {\n  section "We will" {\n    commitment "y"\n  }\n  section "Local Targets" {\n    target increase 10%\n  }\n}\n`,
    ],
  },
  'missing-target (an empty target is no target)': {
    triggers: [{ text: `${S}commitment 1 "y" { target "" }\n`, expect: ['5:1 missing-target Commitment 1 has no target.'] }],
    clean: [],
  },
  'missing-measure': {
    triggers: [{ text: `${S}priority P1 "x" {\n  commitment 3 "Improve access to treatment through GPs"\n}\n`, expect: ['6:3 missing-measure Commitment 3 has no measure.'] }],
    clean: [
      `${S}priority P1 "x" {\n  measure NI 40\n  commitment 3 "y"\n}\n`,
      `${S}commitment 3 "y" { target increase NI 40 }\n`,
      `${S}commitment 3 "y" { measure "Households contacted" }\n`,
      `${S}priority 13.1 "x" {\n  section "In the Next Three Years We Will" {\n    commitment "y"\n  }\n  section "LAA Indicator" {\n    measure NI 30\n  }\n}\n`,
    ],
  },
  'missing-measure (an empty measure is no measure)': {
    triggers: [{ text: `${S}commitment 3 "y" { measure "" }\n`, expect: ['5:1 missing-measure Commitment 3 has no measure.'] }],
    clean: [],
  },
  'placeholder-target': {
    triggers: [
      { text: `${S}priority P1 "x" {\n  target "Contact X households through campaigns"\n}\n`, expect: ['6:3 placeholder-target Target "Contact X households through campaigns" in priority P1 is a placeholder (X): agree the value before publication.'] },
      { text: `${S}commitment 1 "y" { target tbc }\n`, expect: ['5:20 placeholder-target Target of commitment 1 is a placeholder (tbc): agree the value before publication.'] },
      { text: `${S}commitment 1 "y" {\n  target "Increase referrals by X % (include baseline) year on year"\n}\n`, expect: ['6:3 placeholder-target Target "Increase referrals by X % (include baseline) ye…" in commitment 1 is a placeholder (X %): agree the value before publication.'] },
      { text: `${S}commitment 1 "y" { target increase 10% from XX }\n`, expect: ['5:20 placeholder-target Target of commitment 1 is a placeholder (from XX): agree the value before publication.'] },
      { text: `${S}priority P1 "x" {\n  target "TBC"\n}\n`, expect: ['6:3 placeholder-target Target "TBC" in priority P1 is a placeholder (TBC): agree the value before publication.'] },
    ],
    clean: [`${S}commitment 1 "y" { target increase 10% NI 40 from 45% by 2013-03 "XL tests in the X-ray unit" }\n`],
  },
  'placeholder-target (names the section it sits in)': {
    triggers: [
      { text: `${S}priority 13.3 "x" {\n  section "Local Targets" {\n    target increase\n    target tbc\n  }\n}\n`, expect: ['8:5 placeholder-target Target of priority 13.3 › section "Local Targets" is a placeholder (tbc): agree the value before publication.'] },
    ],
    clean: [],
  },
  'missing-baseline': {
    triggers: [
      { text: `${S}commitment 1 "y" { target reduce NI 38 by 2013-03 }\n`, expect: ['5:20 missing-baseline Target of commitment 1 has no baseline: add `from …` with the starting value.'] },
      { text: `${S}commitment 1 "y" { target 2000 "cautions" }\n`, expect: ['5:20 missing-baseline Target of commitment 1 has no baseline: add `from …` with the starting value.'] },
    ],
    clean: [`${S}commitment 1 "y" { target reduce NI 38 from 2.3% by 2013-03 }\n`, `${S}commitment 1 "y" { target "Households contacted" }\n`, `${S}commitment 1 "y" { target tbc }\n`],
  },
  'unknown-indicator': {
    triggers: [
      { text: `${S}measure NI 31\n`, expect: ['5:9 unknown-indicator NI 31 is not a National Indicator (NI 31 was dropped before the set was published): the set runs NI 1–30 and NI 32–199.'] },
      { text: `${S}commitment 1 "y" { target increase NI 200 }\n`, expect: ['5:36 unknown-indicator NI 200 is not a National Indicator: the set runs NI 1–30 and NI 32–199.'] },
    ],
    clean: [`${S}measure NI 1\nmeasure NI 30\nmeasure NI 32\nmeasure NI 199\n`],
  },
  'indicator-title-mismatch': {
    triggers: [
      {
        text: `${S}measure NI 40 "Drug Users in Effective Treatment"\n`,
        expect: ['5:15 indicator-title-mismatch NI 40 is quoted as "Drug Users in Effective Treatment", but its title is "Number of drug users recorded as being in effective treatment".'],
      },
    ],
    clean: [
      `${S}measure NI 38 "Drug Related (Class A) Offending Rate"\n`, // case and punctuation do not count
      `${S}measure NI 111 "First time entrants to the Youth Justice System aged 10-17"\n`, // catalogue title cut short (…)
      `${S}measure NI 42 "Perceptions of drug use or drug dealing as a problem"\n`, // no catalogue title: nothing to compare
      `${S}measure NI 40\n`,
    ],
  },
  'unknown-national-action': {
    triggers: [{ text: `${S}commitment 1 "y" { supports action 20, 88 }\n`, expect: ['5:40 unknown-national-action Action 88 is not in framework drugs-2008 (it has actions 1–40).'] }],
    clean: [`${S}commitment 1 "y" { supports action 1, 2, 3, 20, 21, 40 }\n`],
  },
  'unknown-national-aim': {
    triggers: [
      { text: `${S}priority P1 "x" {\n  national aim PC.9\n}\n`, expect: ['6:16 unknown-national-aim Aim PC.9 is not in framework drugs-2008. Did you mean PC.1?'] },
      { text: `${S}commitment 1 "y" { supports aim XYZ }\n`, expect: ['5:33 unknown-national-aim Aim XYZ is not in framework drugs-2008.'] },
    ],
    clean: [`${S}priority P1 "x" {\n  national aim PC.1\n  national aim "In words only"\n  commitment 1 "y" { supports aim FAM.1 }\n}\n`],
  },
  'unknown-framework': {
    triggers: [{ text: 'strategy "S" {\n  framework drugs-2080\n}\n', expect: ['2:13 unknown-framework Framework drugs-2080 is not found: lint its file along with this one, or list it under `frameworks` in strategy.config.json. Did you mean drugs-2008?'] }],
    clean: ['strategy "S" {\n  framework drugs-2008\n}\n'],
  },
  'duplicate-id': {
    triggers: [
      { text: `${S}priority P1 "a" {}\npriority P1 "b" {}\n`, expect: ['6:10 duplicate-id Priority P1 is declared twice; the first is on line 5.'] },
      { text: `${S}priority P1 "a" {\n  commitment 3 "x"\n  commitment 3 "y"\n}\n`, expect: ['7:14 duplicate-id Commitment 3 is declared twice; the first is on line 6.'] },
      { text: `${S}glossary {\n  HO "Home Office"\n  HO "Home Office"\n}\n`, expect: ['7:3 duplicate-id Glossary term HO is declared twice; the first is on line 6.'] },
    ],
    clean: [`${S}priority KP1 "a" {\n  commitment 1 "x"\n}\npriority KP2 "b" {\n  commitment 1 "y"\n}\n`],
  },
  'numbering-gap': {
    triggers: [
      { text: `${S}priority KP1 "a" {\n  commitment 1 "x"\n  commitment 3 "y"\n}\n`, expect: ['7:14 numbering-gap Commitment 3 follows commitment 1: commitment 2 is missing.'] },
      { text: `${S}priority P1 "a" {}\npriority P4 "b" {}\n`, expect: ['6:10 numbering-gap Priority P4 follows priority P1: priorities P2–P3 are missing.'] },
      { text: `${S}priority P1 "a" {\n  commitment P1.2 "x"\n  commitment P1.1 "y"\n}\n`, expect: ['7:14 numbering-gap Commitment P1.1 follows commitment P1.2: the numbers run backwards.'] },
    ],
    clean: [
      `${S}priority KP3 "a" {\n  commitment 1 "x"\n  commitment 2 "x"\n  section "Young people" {\n    commitment 3 "y"\n  }\n}\n`,
      `${S}priority KP1 "a" {\n  commitment 1 "x"\n}\npriority KP2 "b" {\n  commitment 1 "y"\n}\n`,
    ],
  },
  'timing-outside-period': {
    triggers: [
      { text: `${S}commitment 1 "y" { timing by 2014-03 }\n`, expect: ['5:20 timing-outside-period Timing of commitment 1 ends after the period (2010-04 to 2013-03).'] },
      { text: `${S}commitment 1 "y" { timing 2009/10 }\n`, expect: ['5:20 timing-outside-period Timing of commitment 1 ends before the period starts (2010-04 to 2013-03).'] },
      { text: `${S}commitment 1 "y" { timing from 2013-06 }\n`, expect: ['5:20 timing-outside-period Timing of commitment 1 starts after the period ends (2010-04 to 2013-03).'] },
      { text: `${S}commitment 1 "y" { target increase NI 40 from 3 by 2015 }\n`, expect: ['5:52 timing-outside-period Target date of commitment 1 is due after the period (2010-04 to 2013-03).'] },
    ],
    clean: [`${S}commitment 1 "y" {\n  timing by 2013\n  timing 2010/11\n  timing from 2009-01\n  timing ongoing from 2010-04\n}\n`, 'strategy "No period" {}\ncommitment 1 "y" { timing by 2099 }\n'],
  },
  'vague-timing': {
    triggers: [
      { text: `${S}commitment 1 "y" { timing "Subject to evaluation" }\n`, expect: ['5:20 vague-timing Timing of commitment 1 "Subject to evaluation" gives no date: add a date, range or deadline before the words.'] },
      { text: `${S}commitment 1 "y" { timing ongoing }\n`, expect: ['5:20 vague-timing Timing of commitment 1 is ongoing with no start date: write `ongoing from DATE`.'] },
    ],
    clean: [`${S}commitment 1 "y" { timing ongoing from 2010-04 "Ongoing" }\n`, `${S}commitment 1 "y" { timing by 2011-03 "Subject to evaluation" }\n`],
  },
  'open-note': {
    triggers: [{ text: `${S}narrative "N" {\n  note "?add para on drug markets"\n}\n`, expect: ['6:3 open-note Editorial note left in the document: "?add para on drug markets".'] }],
    clean: [`${S}narrative "N" {\n  "Both open and closed drug markets exist."\n}\n`],
  },
  'undefined-acronym': {
    triggers: [
      {
        text: `${S}partners {\n  "District Councils" role "host the Crime and Disorder Reduction Partnerships (CDRP)"\n}\ncommitment 1 "Work with the CDRPs and the SAGs" { owner SMOG }\n`,
        expect: [
          // CDRP is expanded in brackets, so it is defined; SAG and SMOG are not.
          '8:43 undefined-acronym SAG is used but not defined in the glossary or framework drugs-2008\'s.',
          '8:57 undefined-acronym SMOG is used but not defined in the glossary or framework drugs-2008\'s.',
        ],
      },
    ],
    clean: [
      `${S}commitment 1 "Work with DIP and HO via the NHS and GPs" { owner "PCT" }\nglossary {\n  PCT "Primary Care Trust"\n}\n`, // DIP and HO from the framework's glossary
      `${S}priority KP4 "RECOVERY" {\n  commitment 1 "PREVENTION AND TREATMENT for all" { owner "Council" }\n}\n`, // capitals are headings, not acronyms
      `${S}note "Check with the DAAT"\n`, // notes are the author's, not the reader's
      `${S}commitment 1 "Work with the Substance Action Groups (SAG) and the SAGs" { owner "Council" }\n`, // expanded inline
    ],
  },
  'undefined-acronym (a glossary entry with no meaning defines nothing)': {
    triggers: [{ text: `${S}commitment 1 "Ask the GSSCP" { owner "x" }\nglossary {\n  GSSCP ""\n}\n`, expect: ["5:23 undefined-acronym GSSCP is used but not defined in the glossary or framework drugs-2008's."] }],
    clean: [],
  },
  'empty-priority': {
    triggers: [{ text: `${S}priority KP4 "RECOVERY" {\n  "We will build on our recovery services."\n}\n`, expect: ['5:1 empty-priority Priority KP4 has no commitments.'] }],
    clean: [`${S}priority KP4 "RECOVERY" {\n  section "Jobs" {\n    commitment 1 "y"\n  }\n}\n`, 'framework f "F" {}\npriority A "a" {\n  aim A.1 "x"\n}\n'],
  },
  'unused-suppression': {
    triggers: [
      { text: `${S}// strategy-disable-next-line missing-owner\ncommitment 1 "y" { owner "Police" target tbc }\n`, expect: ['5:1 unused-suppression This suppression of missing-owner suppresses nothing: remove it.'] },
      { text: `${S}// strategy-disable-file no-such-rule\n`, expect: ['5:1 unused-suppression Unknown rule `no-such-rule` in a suppression comment.'] },
    ],
    clean: [`${S}// strategy-disable-next-line open-note -- kept while the draft circulates\nnote "TBC"\n`],
  },
};

describe('severity that follows the document status', () => {
  const doc = (status: string): string => `strategy "S" {\n  period 2010-04 to 2013-03\n  status ${status}\n  framework drugs-2008\n}\nnote "add reference"\npriority P1 "x" {\n  target "Contact X households"\n}\n`;
  const severities = (text: string, settings?: LintSettings): string[] =>
    lintText(text, settings ? { settings } : {})
      .filter((f) => f.ruleId === 'open-note' || f.ruleId === 'placeholder-target')
      .map((f) => `${f.ruleId} ${f.severity}`);

  it('placeholder targets and open notes are warnings in a draft, errors in a final or published strategy', () => {
    assert.deepEqual(severities(doc('draft')), ['open-note warning', 'placeholder-target warning']);
    assert.deepEqual(severities(doc('final')), ['open-note error', 'placeholder-target error']);
    assert.deepEqual(severities(doc('published')), ['open-note error', 'placeholder-target error']);
  });

  it('is configurable: a rule severity wins over the status default, rulesByStatus over both', () => {
    const rules: LintSettings = { ...DEFAULT_SETTINGS, severities: new Map([['open-note', 'info']]) };
    assert.deepEqual(severities(doc('final'), rules), ['open-note info', 'placeholder-target error']);
    const byStatus: LintSettings = { ...rules, severitiesByStatus: new Map([['final', new Map([['open-note', 'warning']])]]) };
    assert.deepEqual(severities(doc('final'), byStatus), ['open-note warning', 'placeholder-target error']);
    assert.deepEqual(severities(doc('draft'), byStatus), ['open-note info', 'placeholder-target warning']);
  });
});

/** A case group is named after its rule, optionally with a note in brackets. */
const ruleIdOf = (name: string): string => name.split(' (')[0]!;

describe('rules', () => {
  it('every rule has cases here, a doc page and a one-line description', () => {
    assert.deepEqual([...new Set(Object.keys(CASES).map(ruleIdOf))].sort(), RULES.map((r) => r.meta.id).sort());
    for (const r of RULES) {
      assert.ok(r.meta.description.length > 10 && !r.meta.description.includes('\n'), r.meta.id);
      assert.ok(r.meta.docs.why && r.meta.docs.howToFix && r.meta.docs.bad && r.meta.docs.good, r.meta.id);
    }
  });

  for (const [name, cases] of Object.entries(CASES)) {
    const ruleId = ruleIdOf(name);
    describe(name, () => {
      cases.triggers.forEach((c, i) => {
        it(`reports case ${i + 1}`, () => {
          assert.deepEqual(describeFindings(lintText(c.text), ruleId), c.expect);
        });
      });
      cases.clean.forEach((text, i) => {
        it(`stays quiet on clean case ${i + 1}`, () => {
          assert.deepEqual(describeFindings(lintText(text), ruleId), []);
        });
      });
    });
  }
});
