/**
 * Word, HTML and PDF inputs, built in the test by real writers (the `docx`
 * package, and `pdf-lib` for PDF), converted with `strategy convert` and read
 * back through `strategy export`.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { convertFile } from '../../client/converter/index.js';
import type { Statement } from '../../grammar/index.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';
import { children, exportModel, ofKind, statements } from './support.js';

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

async function wordDocument(): Promise<Buffer> {
  const doc = new Document({
    styles: {
      paragraphStyles: [
        { id: 'CommitmentHeading', name: 'Commitment Heading', basedOn: 'Normal', run: { bold: true, size: 26 } },
        { id: 'DraftingNote', name: 'Drafting Note', basedOn: 'Normal', run: { italics: true, color: 'C00000' } },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Riverton Drug and Alcohol Strategy 2025–2030', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Riverton Community Safety Partnership', alignment: AlignmentType.CENTER }),
          new Paragraph({ text: 'Introduction', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Riverton has the highest rate of drug deaths in the region, and the partnership has agreed three priorities to change that.'),
          new Paragraph({ text: 'Figures here are from the 2024 needs assessment', style: 'DraftingNote' }),
          new Paragraph({ text: 'Priority 1 – Fewer deaths', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Commitment 1', style: 'CommitmentHeading' }),
          new Paragraph('Offer naloxone to everyone leaving prison in Riverton.'),
          new Paragraph('Lead: Riverton Prison Healthcare'),
          new Paragraph({ text: 'Commitment 2', style: 'CommitmentHeading' }),
          new Paragraph('Review every drug death within six weeks.'),
          new Paragraph({ text: 'Priority 2 – Treatment that works', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Action', true), cell('Lead', true), cell('Timescale', true)] }),
              new TableRow({ children: [cell('3. Open an evening clinic'), cell('Riverton Recovery Service'), cell('By September 2025')] }),
              new TableRow({ children: [cell('4. Recruit two peer mentors'), cell('Public Health / Probation'), cell('2025/26')] }),
            ],
          }),
          new Paragraph({ text: 'Key partners', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Riverton Borough Council', bullet: { level: 0 } }),
          new Paragraph({ text: 'Riverton Police', bullet: { level: 0 } }),
          new Paragraph({ text: 'Glossary', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({ children: [cell('RCSP', true), cell('Riverton Community Safety Partnership')] }),
              new TableRow({ children: [cell('RRS', true), cell('Riverton Recovery Service')] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

interface Line {
  readonly text: string;
  readonly size?: number;
  readonly bold?: boolean;
  readonly x?: number;
  /** Extra space before the line, in points. */
  readonly gap?: number;
}

/** Writes lines top-down on a page, under a running header and over a page-number footer. */
function writePage(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, lines: readonly Line[], pageNumber: number, pages: number, top = 760): void {
  page.drawText('Westvale Drug Strategy 2023–2026 | Draft for consultation', { x: 50, y: 810, size: 8, font: fonts.regular });
  let y = top;
  for (const l of lines) {
    const size = l.size ?? 11;
    y -= l.gap ?? 0;
    page.drawText(l.text, { x: l.x ?? 50, y, size, font: l.bold ? fonts.bold : fonts.regular });
    y -= size * 1.3;
  }
  page.drawText(`Page ${pageNumber} of ${pages}`, { x: 270, y: 30, size: 8, font: fonts.regular });
}

async function pdfDocument(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const page1 = pdf.addPage([595, 842]);
  writePage(
    page1,
    fonts,
    [
      { text: 'Westvale Drug Strategy 2023–2026', size: 22, bold: true },
      { text: 'Introduction', size: 16, bold: true, gap: 12 },
      { text: 'Westvale Council and its partners have agreed this strategy after listening to more than', gap: 4 },
      { text: 'four hundred residents, and it sets out what we will do in the next three years to reduce' },
      { text: 'the harm that drugs cause in Westvale.' },
      { text: 'Priority 1: Safer neighbourhoods', size: 16, bold: true, gap: 12 },
      { text: 'We will:', gap: 4 },
      { text: '• Close the open drug markets identified by residents', x: 60 },
      { text: '• Support victims of cuckooing to stay in their homes with the', x: 60 },
      { text: 'help of housing officers', x: 70 },
      { text: 'Drug markets move quickly, and the partnership will review its plan every quarter as the', gap: 10 },
      { text: 'police and the council share what they', gap: 0 },
    ],
    1,
    2,
  );
  // Page 2: the sentence broken by the page continues, then text set in two columns.
  const page2 = pdf.addPage([595, 842]);
  writePage(page2, fonts, [{ text: 'learn from each other.' }, { text: 'Priority 2: Recovery for all', size: 16, bold: true, gap: 12 }], 2, 2);
  const left = ['Left column first line of the recovery', 'section, which carries on down the', 'left column before the right one.'];
  const right = ['Right column text, read after the', 'whole of the left column has been', 'read, as a person reads a page.'];
  left.forEach((t, k) => page2.drawText(t, { x: 50, y: 640 - k * 14, size: 11, font: fonts.regular }));
  right.forEach((t, k) => page2.drawText(t, { x: 320, y: 640 - k * 14, size: 11, font: fonts.regular }));
  return pdf.save();
}

function texts(all: readonly Statement[]): string[] {
  return all.flatMap((s) => {
    if (s.kind === 'paragraph') return [s.text.value];
    if ('title' in s && s.title) return [s.title.value];
    return [];
  });
}

describe('converter inputs in other formats', function () {
  this.timeout(60000);

  it('reads a Word document: heading styles, a custom style mapped in the config, tables, bullets and a note style', async () => {
    const dir = scratch({
      'strategy.config.json': JSON.stringify({ converter: { styles: { 'Commitment Heading': 'heading2', 'Drafting Note': 'note' } } }),
    });
    writeFileSync(join(dir, 'riverton.docx'), await wordDocument());
    const run = await runCli(['convert', 'riverton.docx'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /riverton\.docx → riverton\.strategy \(strategy\)/);
    const model = await exportModel(join(dir, 'riverton.strategy'));
    const all = statements(model);
    const header = model.document.items[0]!;
    assert.equal(header.kind === 'strategy' ? header.title?.value : '', 'Riverton Drug and Alcohol Strategy 2025–2030');
    assert.deepEqual(ofKind(children(header), 'area').map((a) => a.text?.value), ['Riverton']);
    assert.deepEqual(
      ofKind(all, 'priority').map((p) => p.id?.value),
      ['P1', 'P2'],
    );
    const commitments = ofKind(all, 'commitment');
    assert.deepEqual(
      commitments.map((c) => `${c.id?.value} ${c.title?.value}`),
      ['1 Offer naloxone to everyone leaving prison in Riverton.', '2 Review every drug death within six weeks.', '3 Open an evening clinic', '4 Recruit two peer mentors'],
    );
    assert.deepEqual(ofKind(children(commitments[0]!), 'owner')[0]?.names.map((n) => n.value), ['Riverton Prison Healthcare']);
    assert.deepEqual(ofKind(children(commitments[3]!), 'owner')[0]?.names.map((n) => n.value), ['Public Health', 'Probation']);
    const timing = ofKind(children(commitments[2]!), 'timing')[0];
    assert.ok(timing?.spec?.type === 'by' && timing.spec.end.text === '2025-09');
    assert.deepEqual(ofKind(all, 'note').map((n) => n.text?.value), ['Figures here are from the 2024 needs assessment']);
    assert.equal(ofKind(all, 'partners')[0]?.entries.length, 2);
    assert.equal(ofKind(all, 'glossary')[0]?.entries.length, 2);
  });

  it('without the style mapping, a custom note style is prose, and "Commitment N" lines are still headings', async () => {
    const dir = scratch();
    const file = join(dir, 'riverton.docx');
    writeFileSync(file, await wordDocument());
    const { text } = await convertFile(file);
    assert.doesNotMatch(text, /note "Figures here/);
    assert.match(text, /"Figures here are from the 2024 needs assessment"/);
    assert.match(text, /commitment 1 "Offer naloxone to everyone leaving prison in Riverton\." \{\n\s+owner "Riverton Prison Healthcare"/);
  });

  it('reads a PDF in reading order, joining lines the layout broke and dropping running headers, footers and page numbers', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'westvale.pdf'), await pdfDocument());
    const run = await runCli(['convert', '--report', 'json', 'westvale.pdf'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const model = await exportModel(join(dir, 'westvale.strategy'));
    const all = statements(model);
    const written = readFileSync(join(dir, 'westvale.strategy'), 'utf8');
    assert.doesNotMatch(written, /Draft for consultation|Page \d of \d/);
    const header = model.document.items[0]!;
    assert.equal(header.kind === 'strategy' ? header.title?.value : '', 'Westvale Drug Strategy 2023–2026');
    const prose = texts(all);
    assert.ok(
      prose.includes(
        'Westvale Council and its partners have agreed this strategy after listening to more than four hundred residents, and it sets out what we will do in the next three years to reduce the harm that drugs cause in Westvale.',
      ),
      'lines of one paragraph are joined',
    );
    assert.ok(
      prose.includes('Drug markets move quickly, and the partnership will review its plan every quarter as the police and the council share what they learn from each other.'),
      'a paragraph broken by the page is joined again',
    );
    assert.deepEqual(
      ofKind(all, 'commitment').map((c) => c.title?.value),
      ['Close the open drug markets identified by residents', 'Support victims of cuckooing to stay in their homes with the help of housing officers'],
    );
    assert.deepEqual(ofKind(all, 'priority').map((p) => p.title?.value), ['Priority 1: Safer neighbourhoods', 'Priority 2: Recovery for all']);
    const leftAt = written.indexOf('Left column first line');
    const rightAt = written.indexOf('Right column text');
    assert.ok(leftAt > 0 && rightAt > leftAt, 'the left column is read before the right one');
    assert.match(written, /"Left column first line of the recovery section, which carries on down the left column before the right one\."/);
    const [report] = JSON.parse(run.stdout) as { coverage: { ratio: number } }[];
    assert.equal(report?.coverage.ratio, 1);
  });

  it('reads HTML from a file, leaving out navigation and scripts', async () => {
    const dir = scratch({
      'plan.htm': `<html><head><title>x</title><script>var tracking = 1;</script></head><body><nav><ul><li>Home</li><li>Services</li></ul></nav>
        <h1>Harbourside Alcohol Plan 2024–2027</h1><p>Harbourside Council will lead this plan for Harbourside.</p>
        <h2>Our commitments</h2><ol><li>Licence fewer late-night off-licences</li><li>Fund alcohol liaison nurses</li></ol></body></html>`,
    });
    const run = await runCli(['convert', 'plan.htm'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const all = statements(await exportModel(join(dir, 'plan.strategy')));
    assert.deepEqual(ofKind(all, 'commitment').map((c) => `${c.id?.value} ${c.title?.value}`), ['1 Licence fewer late-night off-licences', '2 Fund alcohol liaison nurses']);
    assert.doesNotMatch(readFileSync(join(dir, 'plan.strategy'), 'utf8'), /tracking|Services/);
  });
});
