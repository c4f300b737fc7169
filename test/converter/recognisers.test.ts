/** The recognisers one by one, on the small cases that decide them. */
import assert from 'node:assert/strict';
import { validateConverterConfig, ConverterConfigError } from '../../client/converter/config.js';
import { cleanInline, parseCell } from '../../client/converter/layout/inline.js';
import { layoutPdf, type PdfRun } from '../../client/converter/readers/pdf-layout.js';
import { readHtml } from '../../client/converter/readers/html-reader.js';
import { readMarkdown } from '../../client/converter/readers/markdown-reader.js';
import { glossaryFromTable } from '../../client/converter/recognise/glossary.js';
import { areaOf, periodOf } from '../../client/converter/recognise/header.js';
import { organisationsFrom, ownersFromCell } from '../../client/converter/recognise/owners.js';
import { propertyFrom, splitInlineProperties } from '../../client/converter/recognise/properties.js';
import { splitRunTogether } from '../../client/converter/recognise/split-items.js';
import { timingOf } from '../../client/converter/recognise/timing.js';
import { inlineNotes, isEditorialNote } from '../../client/converter/recognise/vocabulary.js';

describe('converter recognisers', () => {
  describe('timing', () => {
    const cases: [string, string | undefined][] = [
      ['Ongoing, from April 2008', 'ongoing from 2008-04'],
      ['By end March 2009', 'by 2009-03'],
      ['2009', '2009'],
      ['2008/09', '2008/09'],
      ['December 2008', '2008-12'],
      ['From July 2008', 'from 2008-07'],
      ['May 2008 – ongoing', 'ongoing from 2008-05'],
      ['April 2010 to March 2013', '2010-04 to 2013-03'],
      ['Summer 2008', '2008'],
      ['Ongoing', 'ongoing'],
      ['By autumn 2008', undefined],
      ['Subject to evaluation', undefined],
      ['Dependent upon outcome, wider roll-out will follow in 2009/10', undefined],
      ['By 13 March 2009', undefined],
      ['2009/11', undefined],
    ];
    for (const [words, spec] of cases) {
      it(`"${words}" → ${spec ?? 'words only'}`, () => {
        const t = timingOf(words);
        assert.equal(t.spec, spec);
        assert.equal(t.words, words);
      });
    }
  });

  it('owners: "/" and "," separate, words after a comma in lower case qualify, nothing is added', () => {
    assert.deepEqual(ownersFromCell('HO/MoJ'), ['HO', 'MoJ']);
    assert.deepEqual(ownersFromCell('Cabinet Office/ DH/MoJ/HO'), ['Cabinet Office', 'DH', 'MoJ', 'HO']);
    assert.deepEqual(ownersFromCell('HO, with other relevant departments'), ['HO, with other relevant departments']);
    assert.deepEqual(ownersFromCell('DCSF/HO/ DH/other departments'), ['DCSF', 'HO', 'DH', 'other departments']);
  });

  it('bodies named in prose split only where a new body starts', () => {
    assert.deepEqual(organisationsFrom('Home Office and Ministry of Justice'), ['Home Office', 'Ministry of Justice']);
    assert.deepEqual(organisationsFrom('Department for Culture, Media and Sport, Department of Health and Social Care, and the Department for Work and Pensions'), [
      'Department for Culture, Media and Sport',
      'Department of Health and Social Care',
      'Department for Work and Pensions',
    ]);
  });

  describe('run-together lists', () => {
    it('split where a capitalised word follows the end of a phrase, to the count a parallel column gives', () => {
      assert.deepEqual(splitRunTogether("Reduction in illegal drug supply Low offending rates of PPO's Increased disruption of drug related businesses", 3), [
        'Reduction in illegal drug supply',
        "Low offending rates of PPO's",
        'Increased disruption of drug related businesses',
      ]);
    });
    it('keep names of several capitalised words whole', () => {
      assert.deepEqual(splitRunTogether('Work with Neighbourhood Policing Teams on markets Close crack houses'), ['Work with Neighbourhood Policing Teams on markets', 'Close crack houses']);
    });
    it('prefer sentence ends when there are more candidates than items', () => {
      assert.deepEqual(splitRunTogether('Fund the Recovery Café in Leeds. Train staff', 2), ['Fund the Recovery Café in Leeds.', 'Train staff']);
    });
  });

  it('inline markup: emphasis, escapes, links, footnote references and ordinals', () => {
    assert.deepEqual(cleanInline('**Primary prevention**'), { text: 'Primary prevention', strong: true, leadStrong: true });
    assert.equal(cleanInline('up to \\*\\*\\*\\*9000 people').text, 'up to ****9000 people');
    assert.equal(cleanInline('See [www.nice.org.uk](http://www.nice.org.uk) and [the plan](https://example.org/plan).').text, 'See www.nice.org.uk and the plan (https://example.org/plan).');
    assert.equal(cleanInline('dataset.<sup>1</sup> Work with 3<sup>rd</sup> sector').text, 'dataset.[1] Work with 3rd sector');
    assert.equal(cleanInline('**Delay:** taking action').leadStrong, true);
    assert.equal(cleanInline('**Delay:** taking action').strong, false);
  });

  it('table cells: paragraphs, list items, and lists whose item tags were lost', () => {
    const cell = parseCell('<p>55. Improve the system by:</p> <ul> <li>• reviewing treatment;</li> <li>• wider guidance</li> </ul>');
    assert.deepEqual(cell.paragraphs, ['55. Improve the system by:']);
    assert.deepEqual(cell.items, ['reviewing treatment;', 'wider guidance']);
    assert.equal(cell.runTogether, false);
    const lost = parseCell('<ul style="list-style-type: none"> First thing Second thing ');
    assert.equal(lost.runTogether, true);
    assert.deepEqual(lost.items, ['First thing Second thing']);
    assert.equal(parseCell('<b>Reducing supply</b>').strong, true);
  });

  it('glossaries laid out in two pairs of columns are read down each pair', () => {
    const [table] = readMarkdown('ACPO\tAssociation of Chief Police Officers\tFCO\tForeign Office\nAPACS\tAssessments of Policing\tHO\tHome Office\n');
    assert.ok(table?.kind === 'table');
    assert.deepEqual(glossaryFromTable(table)?.map((e) => e.term), ['ACPO', 'APACS', 'FCO', 'HO']);
    const [prose] = readMarkdown('This row\thas two long cells of ordinary prose\nAnd this\tone as well, no terms at all here\n');
    assert.ok(prose?.kind === 'table');
    assert.equal(glossaryFromTable(prose), undefined);
  });

  it('fields written as "Key: value" lines or inside an item', () => {
    assert.deepEqual(propertyFrom('Lead: Public Health / Probation'), { kind: 'owner', names: ['Public Health', 'Probation'] });
    assert.deepEqual(propertyFrom('Timescale: by March 2026'), { kind: 'timing', value: { spec: 'by 2026-03', words: 'by March 2026' } });
    assert.equal(propertyFrom('Available at: https://example.org'), undefined);
    const split = splitInlineProperties('Open a recovery café (Lead: Turning Point; Timescale: 2025)');
    assert.equal(split.text, 'Open a recovery café');
    assert.deepEqual(split.properties.map((p) => p.kind), ['owner', 'timing']);
    assert.deepEqual(splitInlineProperties('Target preventative work at young people'), { text: 'Target preventative work at young people', properties: [] });
  });

  it('editorial notes, whole and inside prose', () => {
    for (const n of ['?add para on drug markets', 'Insert more detail re: treatment plans', '(insert organisational diagram)', 'TBC', '+Please can you mention national policy']) {
      assert.ok(isEditorialNote(n), n);
    }
    for (const p of [
      'Addressing stigma is everyone’s job.',
      'Include local communities in our work through the district partnerships',
      'Expand naloxone supply to all hostels',
      'Add two outreach workers to the hospital team',
    ]) {
      assert.ok(!isEditorialNote(p), p);
    }
    assert.deepEqual(inlineNotes('about 3000 users (add reference – NA) in the county (CDRP) since (2006/07)'), ['add reference – NA']);
  });

  it('the area is the proper noun a title opens with, if the text names it again', () => {
    assert.equal(areaOf('Kent and Medway Drugs Strategy 2020', 'Kent and Medway Drugs Strategy 2020 … partners in Kent and Medway'), 'Kent and Medway');
    assert.equal(areaOf('Drugs: protecting families and communities', 'Drugs Drugs'), undefined);
    assert.equal(areaOf('Northshire Plan', 'Northshire Plan'), undefined);
    assert.deepEqual(periodOf('Strategy 2019-24'), { start: '2019', end: '2024' });
    assert.equal(periodOf('Plan 2009/10'), undefined);
  });

  it('HTML tables: a cell spanning rows leaves empty cells below it, as the recognisers expect', () => {
    const [table] = readHtml('<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td rowspan="2">x</td><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr><tr><td colspan="2">wide</td><td>5</td></tr></table>');
    assert.ok(table?.kind === 'table');
    assert.deepEqual(table.rows.map((r) => r.cells.map((c) => c.text)), [['A', 'B', 'C'], ['x', '1', '2'], ['', '3', '4'], ['wide', '', '5']]);
  });

  describe('PDF layout', () => {
    const run = (text: string, x: number, y: number, size = 11, bold = false): PdfRun => ({ text, x, y, width: text.length * size * 0.5, size, bold });
    const page = (runs: PdfRun[]) => ({ width: 600, height: 800, runs });

    it('drops a header repeated on every page, page numbers, and joins a paragraph across a page break', () => {
      const blocks = layoutPdf([
        page([run('Eastshire Plan | Draft', 50, 780, 8), run('The partnership will review', 50, 700), run('its plan every', 50, 686), run('1', 300, 20, 8)]),
        page([run('Eastshire Plan | Draft', 50, 780, 8), run('quarter.', 50, 700), run('2', 300, 20, 8)]),
      ]);
      assert.deepEqual(blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind)), ['The partnership will review its plan every', 'quarter.']);
    });

    it('joins a table cell that wraps onto a second line to its row', () => {
      const blocks = layoutPdf([
        page([
          run('Action', 50, 700, 11, true), run('Lead', 300, 700, 11, true),
          run('Open an evening clinic', 50, 680), run('Recovery', 300, 680),
          run('for people in work', 50, 667), run('Service', 300, 667),
          run('Train peer mentors', 50, 645), run('Probation', 300, 645),
        ]),
      ]);
      const table = blocks[0];
      assert.ok(table?.kind === 'table');
      assert.deepEqual(table.rows.map((r) => r.cells.map((c) => c.text)), [['Action', 'Lead'], ['Open an evening clinic for people in work', 'Recovery Service'], ['Train peer mentors', 'Probation']]);
    });

    it('ranks headings by size and keeps cells of a table row apart', () => {
      const blocks = layoutPdf([
        page([run('Title', 50, 750, 24, true), run('Section', 50, 700, 16, true), run('Term', 50, 650), run('Meaning of the term', 250, 650), run('Body text here.', 50, 600)]),
      ]);
      assert.deepEqual(
        blocks.map((b) => b.kind + (b.kind === 'heading' ? b.level : '')),
        ['heading1', 'heading2', 'table', 'paragraph'],
      );
    });
  });

  it('settings are validated, naming the key', () => {
    assert.throws(() => validateConverterConfig({ documentKind: 'national' }), (e: unknown) => e instanceof ConverterConfigError && /converter\.documentKind/.test(e.message));
    assert.throws(() => validateConverterConfig({ headings: [{ pattern: '[', construct: 'priority' }] }), /converter\.headings\[0\]\.pattern: is not a valid regular expression/);
    assert.throws(() => validateConverterConfig({ extra: true }), ConverterConfigError);
    assert.deepEqual(validateConverterConfig(undefined), {});
  });
});
