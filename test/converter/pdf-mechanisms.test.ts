/**
 * The PDF reader's mechanisms, one by one, on PDFs written in the test by a
 * real writer (pdf-lib): tables drawn with borders, with rules between rows
 * only, and with cell shading only; merged header bands and a table carried
 * over a page with its header repeated; two columns under a heading across
 * the page; a footnote breaking a sentence; the title as the cover's largest
 * text; a lead paragraph set large. Each is converted and read back through
 * the exported model, as `strategy export` gives it.
 */
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { convertBlocks } from '../../client/converter/convert.js';
import { layoutPdf, type PdfRun } from '../../client/converter/readers/pdf-layout.js';
import { readPdf } from '../../client/converter/readers/pdf-reader.js';
import type { Statement } from '../../grammar/index.js';
import { exportModel } from '../../server/cli/commands/export.js';
import { children, ofKind } from './support.js';

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

type TableStyle = 'grid' | 'rules' | 'fills';

interface Row {
  /** Each cell's lines. */
  readonly cells: readonly (readonly string[])[];
  /** One cell across the table. */
  readonly band?: boolean;
  readonly bold?: boolean;
}

const LINE = 13;

/** Draws a table from its top edge down; returns the y under it. */
function drawTable(page: PDFPage, fonts: Fonts, x: number, top: number, widths: readonly number[], rows: readonly Row[], style: TableStyle): number {
  const total = widths.reduce((a, b) => a + b, 0);
  let y = top;
  const black = rgb(0, 0, 0);
  for (const row of rows) {
    const lines = Math.max(...row.cells.map((c) => c.length));
    const height = lines * LINE + 8;
    const spans = row.band ? [total] : widths;
    let cx = x;
    spans.forEach((w, k) => {
      if (style === 'grid') page.drawRectangle({ x: cx, y: y - height, width: w, height, borderWidth: 0.75, borderColor: black });
      if (style === 'fills') page.drawRectangle({ x: cx + 0.5, y: y - height + 0.5, width: w - 1, height: height - 1, color: row.bold ? rgb(0.8, 0.85, 0.95) : rgb(0.95, 0.95, 0.95) });
      (row.cells[k] ?? []).forEach((text, n) => page.drawText(text, { x: cx + 4, y: y - 12 - n * LINE, size: 10, font: row.bold ? fonts.bold : fonts.regular }));
      cx += w;
    });
    if (style === 'rules') page.drawLine({ start: { x, y }, end: { x: x + total, y }, thickness: 0.75, color: black });
    y -= height;
  }
  if (style === 'rules') page.drawLine({ start: { x, y }, end: { x: x + total, y }, thickness: 0.75, color: black });
  return y;
}

async function newPdf(): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
  const pdf = await PDFDocument.create();
  return { pdf, fonts: { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) } };
}

function text(page: PDFPage, font: PDFFont, words: string, x: number, y: number, size = 10): void {
  page.drawText(words, { x, y, size, font });
}

/** Converts PDF bytes as `strategy convert` does, and reads the output back as `strategy export` does. */
async function convertPdf(bytes: Uint8Array): Promise<{ text: string; all: Statement[]; items: Statement[]; coverage: number }> {
  const { text: out, report } = convertBlocks(await readPdf(bytes), 'test.pdf', {});
  const { model, problems } = exportModel('test.strategy', out);
  assert.deepEqual(problems, [], out);
  const items = model.document.items as Statement[];
  const all: Statement[] = [];
  const visit = (list: readonly Statement[]): void => {
    for (const s of list) {
      all.push(s);
      visit(children(s));
    }
  };
  visit(items);
  return { text: out, all, items, coverage: report.coverage.ratio };
}

const titleOf = (s: Statement): string | undefined => ('title' in s && s.title ? s.title.value : undefined);
const ownerOf = (s: Statement): string[] => ofKind(children(s), 'owner').flatMap((o) => o.names.map((n) => n.value));
const timingOf = (s: Statement): string | undefined => ofKind(children(s), 'timing')[0]?.words?.value;

const ACTION_ROWS: readonly Row[] = [
  { cells: [['What we will do'], ['Led by'], ['Timescale']], bold: true },
  { cells: [['Open an evening clinic for people', 'who work during the day'], ['Recovery Service'], ['March 2025']] },
  { cells: [['Train peer mentors in every district'], ['Probation and', 'Public Health'], ['2025/26']] },
];

describe('PDF layout mechanisms (documents written by pdf-lib)', function () {
  this.timeout(60000);

  for (const style of ['grid', 'rules', 'fills'] as const) {
    it(`a table drawn with ${style === 'grid' ? 'borders' : style === 'rules' ? 'rules between rows only' : 'cell shading only'}: wrapped cells stay whole, rows become commitments with their owner and timing`, async () => {
      const { pdf, fonts } = await newPdf();
      const page = pdf.addPage([842, 595]);
      page.drawText('Priority 1: Recovery', { x: 40, y: 540, size: 16, font: fonts.bold });
      drawTable(page, fonts, 40, 520, [380, 200, 120], ACTION_ROWS, style);
      const { all } = await convertPdf(await pdf.save());
      const commitments = ofKind(all, 'commitment');
      assert.deepEqual(
        commitments.map((c) => [c.title?.value, ownerOf(c), timingOf(c)]),
        [
          ['Open an evening clinic for people who work during the day', ['Recovery Service'], 'March 2025'],
          ['Train peer mentors in every district', ['Probation and Public Health'], '2025/26'],
        ],
      );
    });
  }

  it('a band across a table names the rows below it; the table carried over a page with its header repeated is one table, and its "CONTINUED" band carries on the same group', async () => {
    const { pdf, fonts } = await newPdf();
    const header: Row = { cells: [['REF'], ['RECOMMENDATION'], ['ACTION FOR?']], bold: true };
    const one = pdf.addPage([842, 595]);
    one.drawText('RECOMMENDATIONS', { x: 40, y: 545, size: 14, font: fonts.bold });
    drawTable(one, fonts, 40, 530, [40, 460, 200], [header, { cells: [['SAFER STREETS']], band: true }, { cells: [['1'], ['Street lighting should be reviewed in every ward.'], ['Highways']] }], 'grid');
    const two = pdf.addPage([842, 595]);
    drawTable(
      two,
      fonts,
      40,
      545,
      [40, 460, 200],
      [header, { cells: [['SAFER STREETS CONTINUED']], band: true }, { cells: [['2'], ['CCTV coverage should be mapped.'], ['Police']] }, { cells: [['HEALTHY LIVES']], band: true }, { cells: [['3'], ['Smoking cessation should reach every GP practice.'], ['Public Health']] }],
      'grid',
    );
    const { all, items } = await convertPdf(await pdf.save());
    assert.equal(titleOf(items[0]!), 'RECOMMENDATIONS');
    const groups = all.filter((s) => s.kind === 'section' || s.kind === 'priority').map(titleOf);
    assert.deepEqual(groups, ['SAFER STREETS', 'HEALTHY LIVES']);
    const safer = all.find((s) => titleOf(s) === 'SAFER STREETS')!;
    assert.deepEqual(ofKind(children(safer), 'commitment').map((c) => [c.id?.value, ownerOf(c)]), [
      ['1', ['Highways']],
      ['2', ['Police']],
    ]);
  });

  it('a table carried over a page without its header repeated is still one table: the next page\'s rows are commitments with their owner and timing', async () => {
    const { pdf, fonts } = await newPdf();
    const one = pdf.addPage([842, 595]);
    one.drawText('Priority 1: Recovery', { x: 40, y: 540, size: 16, font: fonts.bold });
    drawTable(one, fonts, 40, 520, [380, 200, 120], ACTION_ROWS, 'grid');
    const two = pdf.addPage([842, 595]);
    drawTable(
      two,
      fonts,
      40,
      545,
      [380, 200, 120],
      [{ cells: [['Open a recovery café in each town'], ['Recovery Service'], ['2026']] }, { cells: [['Publish the recovery offer online'], ['Public Health'], ['June 2025']] }],
      'grid',
    );
    const { all } = await convertPdf(await pdf.save());
    assert.deepEqual(
      ofKind(all, 'commitment').map((c) => [c.title?.value, ownerOf(c), timingOf(c)]),
      [
        ['Open an evening clinic for people who work during the day', ['Recovery Service'], 'March 2025'],
        ['Train peer mentors in every district', ['Probation and Public Health'], '2025/26'],
        ['Open a recovery café in each town', ['Recovery Service'], '2026'],
        ['Publish the recovery offer online', ['Public Health'], 'June 2025'],
      ],
    );
  });

  it('a header over the work that is a title, not a label, names its rows ("EARLY HELP | Action for:")', async () => {
    const { pdf, fonts } = await newPdf();
    const page = pdf.addPage([595, 842]);
    drawTable(
      page,
      fonts,
      60,
      760,
      [30, 320, 140],
      [
        { cells: [[''], ['EARLY HELP: FAMILIES FIRST'], ['Action for:']], bold: true },
        { cells: [['1.'], ['Family hubs should open on Saturdays', '- to reach working parents'], ['Commissioners']] },
        { cells: [['2.'], ['Health visitors should be trained in alcohol', 'screening'], ['NHS providers']] },
      ],
      'rules',
    );
    const { all } = await convertPdf(await pdf.save());
    const group = all.find((s) => s.kind === 'priority' || s.kind === 'section');
    assert.equal(titleOf(group!), 'EARLY HELP: FAMILIES FIRST');
    assert.deepEqual(ofKind(all, 'commitment').map((c) => [c.title?.value, ownerOf(c)]), [
      ['Family hubs should open on Saturdays', ['Commissioners']],
      ['Health visitors should be trained in alcohol screening', ['NHS providers']],
    ]);
  });

  it('two columns under a heading across the page are read column by column', async () => {
    const { pdf, fonts } = await newPdf();
    const page = pdf.addPage([595, 842]);
    page.drawText('The decade ahead for research in our city', { x: 50, y: 760, size: 18, font: fonts.bold });
    const left = ['Over the next ten years the population of', 'the city is predicted to grow by more than', 'fifteen per cent, fastest in the areas with', 'the poorest health, which is why we begin here.'];
    const right = ['These challenges are set against limited', 'resources, so we need a different way of', 'thinking about care and research together', 'across every partner in the city region.'];
    left.forEach((t, k) => text(page, fonts.regular, t, 50, 700 - k * 13));
    right.forEach((t, k) => text(page, fonts.regular, t, 310, 700 - k * 13));
    const { all } = await convertPdf(await pdf.save());
    const paragraphs = ofKind(all, 'paragraph').map((p) => p.text.value);
    assert.ok(paragraphs.includes(left.join(' ')), paragraphs.join('\n'));
    assert.ok(paragraphs.includes(right.join(' ')), paragraphs.join('\n'));
  });

  it('the title is the cover page\'s largest text, lines of it joined, wherever the logo text stands', async () => {
    const { pdf, fonts } = await newPdf();
    const cover = pdf.addPage([595, 842]);
    text(cover, fonts.regular, 'riverside.gov.uk', 450, 800, 9);
    cover.drawText('Riverside Alcohol and', { x: 60, y: 500, size: 28, font: fonts.bold });
    cover.drawText('Drugs Strategy 2024-2029', { x: 60, y: 466, size: 28, font: fonts.bold });
    text(cover, fonts.regular, 'January 2024', 60, 420, 12);
    const body = pdf.addPage([595, 842]);
    text(body, fonts.regular, 'This strategy sets out what the partnership will do over five years to reduce harm.', 50, 760);
    const { items } = await convertPdf(await pdf.save());
    const header = items[0]!;
    assert.equal(header.kind, 'strategy');
    assert.equal(titleOf(header), 'Riverside Alcohol and Drugs Strategy 2024-2029');
  });

  it('a footnote at the foot of a page does not break the sentence it interrupts, and is kept', async () => {
    const { pdf, fonts } = await newPdf();
    const one = pdf.addPage([595, 842]);
    text(one, fonts.regular, 'It is recommended that the prison healthcare team is asked to increase its health', 72, 200, 11);
    text(one, fonts.regular, 'promotion work in line with the targets for', 72, 186, 11);
    one.drawText('7', { x: 72, y: 79, size: 6.5, font: fonts.regular });
    text(one, fonts.regular, 'All six prisoners interviewed were registered with a GP.', 80, 74, 9);
    const two = pdf.addPage([595, 842]);
    text(two, fonts.regular, 'general practitioners, and is resourced to do so.', 72, 760, 11);
    const { text: out, coverage } = await convertPdf(await pdf.save());
    assert.match(out, /"It is recommended that the prison healthcare team is asked to increase its health promotion work in line with the targets for general practitioners, and is resourced to do so\."/);
    assert.match(out, /"\[7\] All six prisoners interviewed were registered with a GP\."/);
    assert.equal(coverage, 1);
  });

  it('large text that reads as a sentence is a paragraph, not a heading', async () => {
    const { pdf, fonts } = await newPdf();
    const page = pdf.addPage([595, 842]);
    text(page, fonts.regular, 'Body text of the strategy, set at the size most of its words are set at.', 50, 700);
    text(page, fonts.regular, 'More body text so that the body size is clear to the reader of the page.', 50, 687);
    text(page, fonts.regular, 'This strategy sets out how the partners will work together to transform', 50, 640, 14);
    text(page, fonts.regular, 'health. It is the first joint strategy of its kind in the region.', 50, 622, 14);
    const { all } = await convertPdf(await pdf.save());
    assert.equal(ofKind(all, 'narrative').filter((n) => n.title?.value.startsWith('This strategy')).length, 0);
    assert.ok(ofKind(all, 'paragraph').some((p) => p.text.value.startsWith('This strategy sets out how the partners will work together to transform health.')));
  });
});

describe('PDF layout of positioned runs', () => {
  const run = (words: string, x: number, y: number, size = 11, bold = false): PdfRun => ({ text: words, x, y, width: words.length * size * 0.5, size, bold });

  it('bullets of Symbol and Wingdings fonts (private-use code points) open list items and leave the text', () => {
    const blocks = layoutPdf([
      {
        width: 600,
        height: 800,
        runs: [run('\uf0b7', 60, 700), run('Close the open drug markets', 75, 700), run('\uf0a7', 60, 686), run('Support victims of cuckooing', 75, 686)],
      },
    ]);
    assert.deepEqual(
      blocks.map((b) => (b.kind === 'list' ? b.items.map((i) => i.text) : b.kind)),
      [['Close the open drug markets', 'Support victims of cuckooing']],
    );
  });

  it('a running footer is dropped by its place on the page, a line that recurs higher up is kept', () => {
    const page = (n: number) => ({
      width: 600,
      height: 800,
      runs: [run(`Body text of page ${n} that says something worth keeping.`, 50, 700), run('Source: ONS', 50, 500 - n * 40, 9), run(`Riverside Strategy | page ${n}`, 50, 30, 8)],
    });
    const blocks = layoutPdf([page(1), page(2), page(3)]);
    const texts = blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind));
    assert.equal(texts.filter((t) => t === 'Source: ONS').length, 3);
    assert.ok(!texts.some((t) => t.startsWith('Riverside Strategy')));
  });
});
