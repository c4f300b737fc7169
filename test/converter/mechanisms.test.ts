/**
 * The recognisers' mechanisms on small documents of our own, each written
 * the way real strategies write that structure: headings that introduce
 * recommendations, recommending sentences, What/Who/When cards, numbered
 * aims over "We will …" paragraphs, timings stated in a commitment's words,
 * acronyms defined in brackets, progress lines, user column rules; and the
 * honesty of the report (word coverage in order, warnings, no control
 * characters), and the bounds on hostile input.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { CONVERTER_INPUT_LIMITS, convertFile, convertText } from '../../client/converter/index.js';
import { coverageOf } from '../../client/converter/report.js';
import type { Statement } from '../../grammar/index.js';
import { exportModel } from '../../server/cli/commands/export.js';
import { scratch } from '../support/temp.js';
import { children, ofKind } from './support.js';

function convert(markdown: string, config = {}): { text: string; all: Statement[]; report: ReturnType<typeof convertText>['report'] } {
  const { text, report } = convertText(markdown, 'plan.md', { config });
  const { model, problems } = exportModel('plan.strategy', text);
  assert.deepEqual(problems, [], text);
  const all: Statement[] = [];
  const visit = (list: readonly Statement[]): void => {
    for (const s of list) {
      all.push(s);
      visit(children(s));
    }
  };
  visit(model.document.items as Statement[]);
  return { text, all, report };
}

const title = (s: Statement): string | undefined => ('title' in s && s.title ? s.title.value : undefined);
const owners = (s: Statement): string[] => ofKind(children(s), 'owner').flatMap((o) => o.names.map((n) => n.value));
const timing = (s: Statement): string | undefined => ofKind(children(s), 'timing')[0]?.words?.value;

describe('converter mechanisms', () => {
  it('kramdown headings without a space, attribute lists dropped, and numbered sections under "Recommendations" as commitments, each heading taking the sentence that goes on below it', () => {
    const { all, text } = convert(`##4 Recommendations

The following recommendations are made:

###1. Provide assistance to councils

so that they may align with the national vision: the rest of the paragraph explains.

- Publish the vision
{: .note}

###2. Work with all suppliers

including local suppliers to:

- Review the landscape
`);
    assert.doesNotMatch(text, /\{:|##/);
    assert.deepEqual(
      ofKind(all, 'commitment').map((c) => c.title?.value),
      ['Provide assistance to councils so that they may align with the national vision', 'Work with all suppliers including local suppliers to'],
    );
    assert.match(text, /"the rest of the paragraph explains\."/);
  });

  it('under a heading that introduces recommendations, each recommending sentence is a commitment under its topic; the rest stays prose', () => {
    const { all } = convert(`# Health needs assessment

## Chapter 8: Conclusions and Recommendations

### Physical health

Provision is of high quality. It is recommended that a service level agreement is drawn up. Given the long waits, it is also recommended that GP registration is checked on arrival.

### Accommodation

The housing advice service works well.

## Chapter 9: Appendix

It is recommended that readers see the data tables.
`);
    const physical = all.find((s) => title(s) === 'Physical health')!;
    assert.deepEqual(ofKind(children(physical), 'commitment').map((c) => c.title?.value), [
      'It is recommended that a service level agreement is drawn up.',
      'Given the long waits, it is also recommended that GP registration is checked on arrival.',
    ]);
    assert.ok(ofKind(children(physical), 'paragraph').some((p) => p.text.value === 'Provision is of high quality.'));
    // Outside the recommendations chapter the same words are prose.
    assert.equal(ofKind(all, 'commitment').length, 2);
  });

  it('What/Who/When cards in any order, on lines of their own or run into one paragraph, are commitments; progress lines stay beside the work', () => {
    const { all } = convert(`# Riverside Community Safety Plan 2024-2027

## Priority 1: Safer streets

What: Open a night-time safety hub
Who: Community Safety Partnership
When: By March 2025

Lead: Police and licensing

Action: Review late-night licensing conditions

By: 2025/26

Progress: Consultation started in May
`);
    const [hub, licensing] = ofKind(all, 'commitment');
    assert.deepEqual([hub!.title?.value, owners(hub!), timing(hub!)], ['Open a night-time safety hub', ['Community Safety Partnership'], 'By March 2025']);
    assert.deepEqual([licensing!.title?.value, owners(licensing!), timing(licensing!)], ['Review late-night licensing conditions', ['Police and licensing'], '2025/26']);
    assert.ok(ofKind(children(licensing!), 'paragraph').some((p) => p.text.value === 'Progress: Consultation started in May'));
    assert.equal(ofKind(all, 'commitment').length, 2, 'a progress line is not work');
  });

  it('a heading over one What/Who/When card is that card\'s commitment, under its priority: the heading its words and id, the "What" what it means', () => {
    const { all } = convert(`# Alcohol Harm Reduction Plan 2024-2027

## Priority 1: Prevention

### Action 1.1 Deliver alcohol awareness sessions in schools

What: Deliver alcohol awareness sessions in every secondary school.
Who: Public Health and Education
When: By March 2025

### Action 1.2

What: Train 200 frontline staff in identification and brief advice.
Who: Drug and Alcohol Partnership
When: 2024/25

### Safer nights

What: Open a night-time safety hub
Who: Community Safety Partnership
When: Ongoing
`);
    const [priority] = ofKind(all, 'priority');
    assert.equal(ofKind(all, 'priority').length, 1, 'the cards\' headings are not priorities');
    const commitments = ofKind(children(priority!), 'commitment');
    assert.deepEqual(
      commitments.map((c) => [c.id?.value, c.title?.value, owners(c), timing(c)]),
      [
        ['1.1', 'Deliver alcohol awareness sessions in schools', ['Public Health and Education'], 'By March 2025'],
        ['1.2', 'Train 200 frontline staff in identification and brief advice.', ['Drug and Alcohol Partnership'], '2024/25'],
        [undefined, 'Safer nights', ['Community Safety Partnership'], 'Ongoing'],
      ],
    );
    assert.deepEqual(ofKind(children(commitments[0]!), 'paragraph').map((p) => p.text.value), ['Deliver alcohol awareness sessions in every secondary school.']);
    assert.equal(ofKind(all, 'commitment').length, 3);
  });

  it('under "Recommendations", a numbered heading over deeper-numbered ones ("6.1" over "6.1.1") groups them: a section, each of them a commitment', () => {
    const { all } = convert(`# Substance Misuse Needs Assessment 2023

## 6. Recommendations

### 6.1 Commissioning

#### 6.1.1 Commissioners should review the treatment pathway for young people

The current pathway has long waits.

#### 6.1.2 The partnership should develop a dual diagnosis protocol

### 6.2 Workforce

#### 6.2.1 All frontline staff should be offered naloxone training
`);
    const sections = ofKind(all, 'section');
    assert.deepEqual(sections.map((s) => title(s)), ['6.1 Commissioning', '6.2 Workforce']);
    assert.deepEqual(ofKind(children(sections[0]!), 'commitment').map((c) => c.id?.value), ['6.1.1', '6.1.2']);
    assert.deepEqual(ofKind(all, 'commitment').map((c) => c.id?.value), ['6.1.1', '6.1.2', '6.2.1'], 'the groups are not commitments');
  });

  it('a paragraph or heading labelled "Recommendation N" is a commitment with that id, under "Recommendations" or a topic\'s heading', () => {
    const { all } = convert(`# Domestic Abuse Needs Assessment 2022

## Recommendations

Recommendation 1: Commission a specialist service for children affected by domestic abuse.

Recommendation 2: Develop a training programme for frontline staff by March 2023.

## Children and young people

Children are often hidden victims of domestic abuse.

Recommendation 3 – Make sure every school has a trained domestic abuse lead. This should be in place for the next academic year.

## Recommendation 4

Agree a joint protocol between housing and refuge providers.
`);
    const commitments = ofKind(all, 'commitment');
    assert.deepEqual(
      commitments.map((c) => [c.id?.value, c.title?.value]),
      [
        ['1', 'Commission a specialist service for children affected by domestic abuse.'],
        ['2', 'Develop a training programme for frontline staff by March 2023.'],
        ['3', 'Make sure every school has a trained domestic abuse lead.'],
        ['4', 'Agree a joint protocol between housing and refuge providers.'],
      ],
    );
    assert.equal(timing(commitments[1]!), 'by March 2023');
    assert.deepEqual(ofKind(children(commitments[2]!), 'paragraph').map((p) => p.text.value), ['This should be in place for the next academic year.']);
    assert.ok(ofKind(all, 'paragraph').some((p) => p.text.value === 'Children are often hidden victims of domestic abuse.'), 'the prose around them stays prose');
  });

  it('a bullet that names its lead or its timescale is a commitment, with no heading saying so; a plain bullet stays prose', () => {
    const { all } = convert(`# Healthy Weight Action Plan 2024-2026

## Theme 2: Active lives

- Expand the walking for health programme – Lead: Leisure Services – Timescale: 2024/25
- Install cycle parking at every GP surgery (Lead: Transport team, by March 2026)
- One in four adults is inactive
`);
    const commitments = ofKind(all, 'commitment');
    assert.deepEqual(
      commitments.map((c) => [c.title?.value, owners(c), timing(c)]),
      [
        ['Expand the walking for health programme', ['Leisure Services'], '2024/25'],
        ['Install cycle parking at every GP surgery', ['Transport team'], 'by March 2026'],
      ],
    );
    assert.ok(ofKind(all, 'paragraph').some((p) => p.text.value === 'One in four adults is inactive'));
  });

  it('a vision\'s heading under the title, over its statement, is the strategy\'s vision, as a heading or as a line in capitals', () => {
    const fromMarkdown = convert(`# Tobacco Control Plan 2023 to 2026

## Our vision

A smokefree generation in the county by 2030.

## Priority 1: Prevention

- Enforce age of sale legislation (Lead: Trading Standards)
`);
    assert.deepEqual(ofKind(fromMarkdown.all, 'vision').map((v) => v.text?.value), ['A smokefree generation in the county by 2030.']);
    assert.equal(ofKind(fromMarkdown.all, 'narrative').length, 0, 'the vision is not a narrative too');
    assert.deepEqual(ofKind(fromMarkdown.all, 'priority').map((p) => title(p)), ['Priority 1: Prevention']);
    const { text } = convertText('TOBACCO CONTROL PLAN 2023 TO 2026\n\nOUR VISION\n\nA smokefree generation in the county by 2030.\n\nPRIORITY ONE: PREVENTION\n\nWe will:\n• Enforce age of sale legislation\n', 'plan.txt', {});
    assert.match(text, /^ {2}vision "A smokefree generation in the county by 2030\."$/m);
    assert.match(text, /^priority P1 "PRIORITY ONE: PREVENTION"/m, 'the priority after the vision is not taken into the header');
  });

  it('what a list nests under a commitment is its detail, not commitments of their own, in markdown and in HTML', () => {
    const { all } = convert(`# Suicide Prevention Plan 2023-2028

## Priority 1: High-risk groups

We will:

1. Deliver targeted support for middle-aged men
   - Through workplace health champions
   - Lead: Public Health
2. Work with farmers' networks in rural areas
`);
    const commitments = ofKind(all, 'commitment');
    assert.deepEqual(commitments.map((c) => [c.id?.value, c.title?.value]), [['1', 'Deliver targeted support for middle-aged men'], ['2', "Work with farmers' networks in rural areas"]]);
    assert.deepEqual(ofKind(children(commitments[0]!), 'paragraph').map((p) => p.text.value), ['Through workplace health champions']);
    assert.deepEqual(owners(commitments[0]!), ['Public Health']);
    const html = convertText(
      '<html><body><h1>Suicide Prevention Plan 2023-2028</h1><h2>Priority 1: High-risk groups</h2><p>We will:</p><ul><li>Deliver targeted support for middle-aged men<ul><li>through workplace health champions</li></ul></li><li>Work with farmers&#39; networks</li></ul></body></html>',
      'plan.html',
      {},
    ).text;
    const model = exportModel('plan.strategy', html).model;
    const inHtml = ofKind(children(ofKind(model.document.items as Statement[], 'priority')[0]!).flatMap((s) => [s, ...children(s)]), 'commitment');
    assert.deepEqual(inHtml.map((c) => c.title?.value), ['Deliver targeted support for middle-aged men', "Work with farmers' networks"]);
    assert.deepEqual(ofKind(children(inHtml[0]!), 'paragraph').map((p) => p.text.value), ['through workplace health champions']);
  });

  it('a plain-text action plan: "Objective 1: …" under the title opens a priority, each "Action 1.1 …" with its "Lead:" and "Timescale:" lines is a commitment', () => {
    const { text } = convertText(
      `ALCOHOL HARM REDUCTION ACTION PLAN 2024-2026

Objective 1: Reduce alcohol-related hospital admissions

Action 1.1 Commission an alcohol care team at the acute trust
Lead: ICB
Timescale: April 2025

Action 3 of the national plan asks the same of every area.

Objective 2: Safer night-time economy

Action 2.1 Extend the street pastors scheme to two more towns
Lead: Community Safety Partnership
Timescale: Ongoing
`,
      'plan.txt',
      {},
    );
    const { model, problems } = exportModel('plan.strategy', text);
    assert.deepEqual(problems, [], text);
    const priorities = ofKind(model.document.items as Statement[], 'priority');
    assert.deepEqual(priorities.map((p) => title(p)), ['Objective 1: Reduce alcohol-related hospital admissions', 'Objective 2: Safer night-time economy']);
    const commitments = priorities.flatMap((p) => ofKind(children(p), 'commitment'));
    assert.deepEqual(
      commitments.map((c) => [c.id?.value, c.title?.value, owners(c), timing(c)]),
      [
        ['1.1', 'Commission an alcohol care team at the acute trust', ['ICB'], 'April 2025'],
        ['2.1', 'Extend the street pastors scheme to two more towns', ['Community Safety Partnership'], 'Ongoing'],
      ],
    );
    assert.ok(ofKind(children(priorities[0]!), 'paragraph').some((p) => p.text.value.startsWith('Action 3 of the national plan')), 'a sentence about an action is prose');
  });

  it('an HTML list numbered with letters or roman numerals keeps its numbers as the source wrote them', () => {
    const { text } = convertText('<html><body><h1>Plan 2024</h1><p>We will:</p><ol type="a"><li>Do one thing</li><li>Do another</li></ol><ol type="I" start="4"><li>Do a fourth</li></ol></body></html>', 'plan.html', {});
    const ids = ofKind(exportModel('plan.strategy', text).model.document.items as Statement[], 'commitment').map((c) => c.id?.value);
    assert.deepEqual(ids, ['a', 'b', 'IV']);
  });

  it('under a "Recommendations" heading, a numbered line over deeper-numbered ones ("6.1 Commissioning" over "6.1.1 …") is the group they are numbered in', () => {
    const source = `# Substance Misuse Needs Assessment 2023

## 6. Recommendations

6.1 Commissioning

6.1.1 Commissioners should review the treatment pathway for young people.

6.1.2 The partnership should develop a dual diagnosis protocol.

6.2 Workforce

6.2.1 All frontline staff should be offered naloxone training.
`;
    const { text, all } = convert(source);
    const groups = ofKind(all, 'priority');
    assert.deepEqual(groups.map((g) => title(g)), ['6.1 Commissioning', '6.2 Workforce'], text);
    assert.deepEqual(groups.map((g) => ofKind(children(g), 'commitment').map((c) => c.id?.value)), [['6.1.1', '6.1.2'], ['6.2.1']]);
    assert.equal(ofKind(all, 'commitment').length, 3, 'the groups are not commitments');
  });

  it('a numbered aim over a "We will …" paragraph is a commitment, the paragraph what it means', () => {
    const { all } = convert(`# Research strategy 2020-2030

## Commitment one: Champion research that closes the gap

### Strategic aims

1. Adopt a value-based healthcare approach

We will prioritise research that achieves the best outcomes for every person.

2. Invest in research that has impact

We will support research with the greatest ability to address inequalities.
`);
    const priority = ofKind(all, 'priority')[0]!;
    assert.equal(priority.title?.value, 'Commitment one: Champion research that closes the gap');
    assert.deepEqual(ofKind(all, 'commitment').map((c) => [c.id?.value, c.title?.value]), [
      ['1', 'Adopt a value-based healthcare approach'],
      ['2', 'Invest in research that has impact'],
    ]);
  });

  it('a timing a commitment states in its words becomes its timing, the words kept', () => {
    const { all } = convert(`# Digital plan

## Actions

- All services will move onto the new platform by March 2013
- From April 2014, every new service will meet the standard
- Services will be reviewed in 2019 and improved
`);
    const stated = ofKind(all, 'commitment').map((c) => {
      const t = ofKind(children(c), 'timing')[0];
      return [c.title?.value, t?.words?.value, t?.spec?.type];
    });
    assert.deepEqual(stated, [
      ['All services will move onto the new platform by March 2013', 'by March 2013', 'by'],
      ['From April 2014, every new service will meet the standard', 'From April 2014', 'from'],
      // "in 2019" may say when something happened: not read as a timing.
      ['Services will be reviewed in 2019 and improved', undefined, undefined],
    ]);
  });

  it('acronyms defined in brackets go into the glossary when it does not list them', () => {
    const { all } = convert(`# Plan

The Community Drugs Partnership (CDP) and the Office for Health Improvement and Disparities (OHID) lead this work. Figures are for 2023 (provisional).

## Glossary

- NHS – National Health Service
`);
    const entries = ofKind(all, 'glossary').flatMap((g) => g.entries.map((e) => [e.term.value, e.meaning?.value]));
    assert.deepEqual(entries, [
      ['NHS', 'National Health Service'],
      ['CDP', 'Community Drugs Partnership'],
      ['OHID', 'Office for Health Improvement and Disparities'],
    ]);
  });

  it('a column of codes numbers the rows only when each row has its own; a shared code is no id', () => {
    const table = (a: string, b: string): string => `# Plan\n\n## Priority 1: Safety\n\n| Action | Code | Lead |\n|---|---|---|\n| Open a hub | ${a} | Police |\n| Map CCTV | ${b} | Council |\n`;
    assert.deepEqual(ofKind(convert(table('R1', 'R2')).all, 'commitment').map((c) => c.id?.value), ['R1', 'R2']);
    assert.deepEqual(ofKind(convert(table('SO6', 'SO6')).all, 'commitment').map((c) => c.id?.value), [undefined, undefined]);
  });

  it('a header ending in "by" names the owner column, in either order ("Action to be taken by | Recommended action")', () => {
    // The header of the recommendation tables in West Sussex's Tobacco Control Needs Assessment (TCNA-FINAL-report.pdf,
    // ws-jsna.github.io); before, no column was the owner, the table was not read as one, and its rows stayed prose.
    const md = `# Plan\n\n## Recommendations\n\n| Action to be taken by | Recommended action |\n|---|---|\n| Trading standards | Improve the sharing of data |\n| Public health | Use local data to target activity |\n`;
    const commitments = ofKind(convert(md).all, 'commitment');
    assert.deepEqual(commitments.map((c) => owners(c)), [['Trading standards'], ['Public health']]);
    assert.doesNotMatch(convert(md).text, /Action to be taken by/);
  });

  it('a header ending in "by" that names a time ("Due by") is the timing column, not the owner', () => {
    const md = `# Plan\n\n## Priority 1: Safety\n\n| Action | Led by | Due by |\n|---|---|---|\n| Open a hub | Director of Place | March 2025 |\n`;
    const [c] = ofKind(convert(md).all, 'commitment');
    assert.deepEqual(owners(c!), ['Director of Place']);
    assert.match(convert(md).text, /timing 2025-03 "March 2025"/);
  });

  it('under "Recommendations", numbered paragraphs and numbered list items are recommendations however worded, their number the id', () => {
    // Shortened from the recommendations of West Sussex's Alcohol and Drugs Needs Assessment summary
    // (west_sussex_alcohol_and_drugs_needs_assessment_summary.pdf, ws-jsna.github.io): items 1-9 read as a numbered
    // list, 10 on as paragraphs ("10.In order …", no space); before, all 29 stayed prose.
    const md = `# Needs Assessment\n\n## Recommendations\n\nThe following recommendations follow the study's objectives.\n\n` +
      `8. Consideration should be given as to how best to promote the evidence base for recovery. This can be achieved via staff training.\n` +
      `9. The planning of recovery services should be built around the ambitions of service users.\n\n` +
      `10.In order to address this objective, we suggest that a Recovery Resource Centre is established. The centre would train people with lived experience.\n`;
    const commitments = ofKind(convert(md).all, 'commitment');
    assert.deepEqual(commitments.map((c) => c.id?.value), ['8', '9', '10']);
    assert.match(convert(md).text, /commitment 10 "In order to address this objective, we suggest that a Recovery Resource Centre is established\." \{\n\s+"The centre would train/);
    assert.match(convert(md).text, /\n\s+"The following recommendations follow the study's objectives\."\n/);
  });

  it('a list item whose sentence the page broke takes up the lower-case paragraph after the list', () => {
    // From the same needs assessment summary: recommendation 7 ends "…the development of mutual aid" at the foot
    // of a page and goes on "and self help; …" on the next, which the layout reads as a paragraph after the list.
    const md = `# Needs Assessment\n\n## Recommendations\n\n` +
      `7. Consideration should be given to mapping the existing provision of self help services and to identify ways to support the development of mutual aid\n\n` +
      `and self help; to ensure that it is an integrated part of the treatment and recovery system.\n\n` +
      `8. Staff training should promote the evidence base for recovery.\n`;
    const { text } = convert(md);
    assert.match(text, /commitment 7 "Consideration should be given to mapping the existing provision of self help services and to identify ways to support the development of mutual aid and self help; to ensure that it is an integrated part of the treatment and recovery system\."/);
    assert.doesNotMatch(text, /\n\s+"and self help/);
    assert.match(text, /commitment 8 "Staff training/);
  });

  it('a column rule in the config says what a header the converter does not know holds', () => {
    const md = `# Plan\n\n## Priority 1: Safety\n\n| Deliverable | Go-to person | Milestone |\n|---|---|---|\n| Open a hub | Director of Place | March 2025 |\n`;
    const without = ofKind(convert(md).all, 'commitment')[0]!;
    assert.deepEqual(owners(without), []);
    const withRule = ofKind(convert(md, { columns: [{ pattern: '^go-to person$', role: 'owner' }] }).all, 'commitment')[0]!;
    assert.deepEqual(owners(withRule), ['Director of Place']);
  });
});

describe('readers hand on the same tables', function () {
  this.timeout(30000);

  it('plain text set out in aligned columns is a table', () => {
    const { text } = convertText(
      `Riverside Delivery Plan 2024-2026\n\nPriority 1: Safer streets\n\nThe plan for the first year.\n\nAction                                   Lead                 Timescale\nOpen a night-time safety hub             Community Safety     March 2025\nReview licensing conditions              Licensing team       2025/26\n`,
      'plan.txt',
    );
    assert.match(text, /commitment "Open a night-time safety hub" \{\n\s+owner "Community Safety"\n\s+timing 2025-03 "March 2025"/);
    assert.match(text, /commitment "Review licensing conditions" \{\n\s+owner "Licensing team"/);
  });

  it('a What/Who/When card drawn as a two-column Word table is a commitment, with no word of it lost from the report', async () => {
    const cell = (t: string): TableCell => new TableCell({ children: [new Paragraph({ children: [new TextRun(t)] })] });
    const card = (what: string, who: string, when: string): Table =>
      new Table({ rows: [new TableRow({ children: [cell('What'), cell(what)] }), new TableRow({ children: [cell('Who'), cell(who)] }), new TableRow({ children: [cell('When'), cell(when)] })] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Community Safety Strategy 2024 to 2027', bold: true })] }),
            new Paragraph({ children: [new TextRun({ text: 'Priority 1: Violence against women and girls', bold: true })] }),
            card('Launch a safe spaces scheme in the town centre', 'Community Safety Partnership', 'By December 2024'),
            new Paragraph(''),
            card('Train licensed premises staff in bystander intervention', 'Licensing team', '2025/26'),
          ],
        },
      ],
    });
    const dir = scratch();
    const file = join(dir, 'cards.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const { text, report } = await convertFile(file);
    const { model, problems } = exportModel('cards.strategy', text);
    assert.deepEqual(problems, [], text);
    const [priority] = ofKind(model.document.items as Statement[], 'priority');
    assert.deepEqual(
      ofKind(children(priority!), 'commitment').map((c) => [c.title?.value, owners(c), timing(c)]),
      [
        ['Launch a safe spaces scheme in the town centre', ['Community Safety Partnership'], 'By December 2024'],
        ['Train licensed premises staff in bystander intervention', ['Licensing team'], '2025/26'],
      ],
    );
    assert.equal(report.coverage.ratio, 1, 'the field names are labels, as a header row is');
  });

  it('a Word table with a cell merged across the row reads it as a band naming the rows below', async () => {
    const cell = (t: string, columnSpan?: number): TableCell => new TableCell({ children: [new Paragraph({ children: [new TextRun(t)] })], ...(columnSpan ? { columnSpan } : {}) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Riverside Action Plan 2025', bold: true })] }),
            new Table({
              rows: [
                new TableRow({ children: [cell('Action'), cell('Lead'), cell('Timescale')] }),
                new TableRow({ children: [cell('SAFER STREETS', 3)] }),
                new TableRow({ children: [cell('Map CCTV coverage'), cell('Police'), cell('2025/26')] }),
              ],
            }),
          ],
        },
      ],
    });
    const dir = scratch();
    const file = join(dir, 'plan.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const { text } = await convertFile(file);
    assert.match(text, /priority "SAFER STREETS" \{\n\s+commitment "Map CCTV coverage" \{\n\s+owner Police|priority "SAFER STREETS" \{\n\s+commitment "Map CCTV coverage" \{\n\s+owner "Police"/);
  });
});

describe('the conversion report is honest', () => {
  it('counts words in their order: a line dropped where it recurs shows, words moved as a run do not', () => {
    const source = 'Intro words here. Source: ONS. More body text follows. Source: ONS. End of text.';
    assert.equal(coverageOf(source, source).ratio, 1);
    const dropped = coverageOf(source, 'Intro words here. Source: ONS. More body text follows. End of text.');
    assert.ok(dropped.ratio < 1);
    assert.equal(dropped.anyOrder, dropped.ratio, 'the dropped repeat is missing in any order too');
    const moved = coverageOf('Alpha beta gamma delta. Epsilon zeta eta theta.', 'Epsilon zeta eta theta. Alpha beta gamma delta.');
    assert.equal(moved.ratio, 1);
  });

  it('control characters never reach the output; private-use glyphs, a broken encoding and glued words are warned of', () => {
    const { text, report } = convert(`# Plan\u0007 2024\n\nText with a bell\u0001 and a null\u0000 in it, and private glyphs \uf0e0 \uf0e0 here.\n\nŢhe healţh ţeam and Ţhe ţown and mŞre words of English here for the count of letters to be large enough.\n\n87,000current smokers and 12,500people and 4,300families.\n`);
    assert.doesNotMatch(text, /[\u0000-\u0008\u000e-\u001f]/);
    const warnings = (report.warnings ?? []).join('\n');
    assert.match(warnings, /2 private-use characters \(U\+F0E0\)/);
    assert.match(warnings, /broken font encoding/);
    assert.match(warnings, /run together \("87,000current"/);
  });
});

describe('converter resource bounds', function () {
  this.timeout(60000);

  /** A zip with one stored or deflated entry per name, as a Word file is packaged. */
  function zip(files: Record<string, Buffer>, declared?: number): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const [name, content] of Object.entries(files)) {
      const data = deflateRawSync(content);
      const nameBytes = Buffer.from(name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(declared ?? content.length, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(declared ?? content.length, 24);
      central.writeUInt16LE(nameBytes.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, nameBytes, data);
      centrals.push(central, nameBytes);
      offset += 30 + nameBytes.length + data.length;
    }
    const dir = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Object.keys(files).length, 8);
    end.writeUInt16LE(Object.keys(files).length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, dir, end]);
  }

  it('a Word file that declares more than it may inflate (a zip bomb) is refused before anything is inflated', async () => {
    const dir = scratch();
    const file = join(dir, 'bomb.docx');
    writeFileSync(file, zip({ 'word/document.xml': Buffer.from('<w:document/>') }, 0xfffffff0));
    await assert.rejects(convertFile(file), /bomb\.docx: cannot read this DOCX file \(it declares \d+ MB of content/);
  });

  it('a Word file whose document inflates past what it declares is refused, and so is one nested thousands deep', async () => {
    const dir = scratch();
    const lying = join(dir, 'lying.docx');
    writeFileSync(lying, zip({ 'word/document.xml': Buffer.alloc(20 * 1024 * 1024, 97) }, 1000));
    await assert.rejects(convertFile(lying), /inflates past/);
    const deep = join(dir, 'deep.docx');
    writeFileSync(deep, zip({ 'word/document.xml': Buffer.from(`<w:document><w:body>${'<w:p><w:r>'.repeat(5000)}${'</w:r></w:p>'.repeat(5000)}</w:body></w:document>`) }));
    await assert.rejects(convertFile(deep), /nests elements 10002 deep \(at most 1000\)/);
  });

  it('a text too large to convert, and a FIFO named like a document, are refused with a reason, not read', async () => {
    const dir = scratch();
    const big = join(dir, 'huge.txt');
    writeFileSync(big, 'We will act.\n'.repeat(Math.ceil((CONVERTER_INPUT_LIMITS.textBytes + 1) / 13)));
    await assert.rejects(convertFile(big), /huge\.txt: is 17 MB; the converter reads TXT files of at most 16 MB/);
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(convertFile(fifo), /pipe\.md: is not a regular file/);
  });

  it('HTML nested a hundred thousand levels deep converts, its text kept', () => {
    const html = `<html><body>${'<div>'.repeat(100000)}Deep text kept${'</div>'.repeat(100000)}</body></html>`;
    const { text } = convertText(html, 'deep.html');
    assert.match(text, /"Deep text kept"/);
  });
});
