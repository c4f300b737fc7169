/**
 * Documents of other layouts than the seeds', written for these tests: each
 * input in test/fixtures/converter/layouts/ is converted and compared with
 * the `.strategy` file beside it, then read back for the facts that make the
 * layout what it is.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertFile } from '../../client/converter/index.js';
import { parse, type Statement } from '../../grammar/index.js';
import { fixture } from '../support/paths.js';

const DIR = fixture('converter', 'layouts');
const INPUTS = readdirSync(DIR).filter((f) => /\.(?:md|txt|html?)$/.test(f));

async function converted(name: string): Promise<{ statements: Statement[]; text: string; report: Awaited<ReturnType<typeof convertFile>>['report'] }> {
  const { text, report } = await convertFile(join(DIR, name));
  const parsed = parse(text);
  assert.deepEqual(parsed.problems, []);
  const all: Statement[] = [];
  const visit = (items: readonly Statement[]): void => {
    for (const s of items) {
      all.push(s);
      if ('items' in s) visit(s.items);
    }
  };
  visit(parsed.document.items);
  return { statements: all, text, report };
}

function kinds(all: readonly Statement[], kind: Statement['kind']): Statement[] {
  return all.filter((s) => s.kind === kind);
}

function titleOf(s: Statement): string | undefined {
  return 'title' in s ? s.title?.value : undefined;
}

describe('converter on other layouts', () => {
  for (const input of INPUTS) {
    it(`${input} converts to the expected file`, async () => {
      const expected = readFileSync(join(DIR, input.replace(/\.\w+$/, '.strategy')), 'utf8');
      const { text } = await converted(input);
      assert.equal(text, expected);
    });
  }

  it('theme headings, "What we will do" lists with inline and line-by-line fields, a pipe table and a dash glossary', async () => {
    const { statements, report } = await converted('theme-headings.md');
    assert.deepEqual(
      kinds(statements, 'priority').map((p) => ('id' in p ? p.id?.value : undefined)),
      ['T1', 'T2'],
    );
    const commitments = kinds(statements, 'commitment');
    assert.deepEqual(
      commitments.map((c) => ('id' in c ? c.id?.value : undefined)),
      ['1.1', '1.2', '2.1', '2.2'],
    );
    const first = commitments[0]!;
    assert.equal(titleOf(first), 'Deliver alcohol education in every secondary school');
    const timing = 'items' in first ? first.items.find((s) => s.kind === 'timing') : undefined;
    assert.ok(timing?.kind === 'timing' && timing.spec?.type === 'by' && timing.spec.end.text === '2026-03');
    const measures = kinds(statements, 'measure');
    assert.deepEqual(
      measures.map((m) => (m.kind === 'measure' ? (m.indicator?.code ?? m.title?.value) : undefined)),
      ['Alcohol-related hospital admissions', 39],
    );
    // The target after the table belongs to the theme, not to the table's last row.
    const t2 = kinds(statements, 'priority')[1]!;
    assert.ok('items' in t2 && t2.items.some((s) => s.kind === 'target'));
    assert.equal(kinds(statements, 'glossary').length, 1);
    // The contents page, the running footer and the page number are layout, not text.
    // The contents heading and its list, three running footers, one page number.
    assert.equal(report.counts.layoutArtefacts, 6);
    assert.ok(!kinds(statements, 'paragraph').some((p) => p.kind === 'paragraph' && /\| Consultation draft|^Page 2$|\.\.\.\./.test(p.text.value)));
  });

  it('a delivery table with priority, lead, timescale, measure and target columns', async () => {
    const { statements } = await converted('delivery-table.txt');
    assert.deepEqual(kinds(statements, 'priority').map(titleOf), ['Reduce drug-related deaths', 'Increase treatment engagement']);
    assert.equal(kinds(statements, 'commitment').length, 5);
    const owners = kinds(statements, 'owner').map((o) => (o.kind === 'owner' ? o.names.map((n) => n.value).join(' + ') : ''));
    assert.deepEqual(owners, ['Public Health', 'Drug Related Death Panel', 'Treatment provider + Probation', 'Communications team', 'Communications team']);
    assert.deepEqual(
      kinds(statements, 'target').map((t) => (t.kind === 'target' ? t.direction?.value : undefined)),
      ['reduce', 'increase', 'increase', 'increase', 'increase'],
    );
    assert.equal(kinds(statements, 'partners').length, 1);
    assert.equal(kinds(statements, 'note').length, 1);
  });

  it('an HTML action plan with a spanning objective column and a definition-list glossary', async () => {
    const { statements, report } = await converted('national-action-table.html');
    assert.equal(report.documentKind, 'framework');
    const aims = kinds(statements, 'aim');
    assert.deepEqual(aims.map(titleOf), ['Reduce alcohol-related violence', 'Protect young people', 'Faster access to treatment']);
    // The objective spans two rows: both actions sit under it.
    assert.deepEqual(
      'items' in aims[0]! ? aims[0].items.filter((s) => s.kind === 'action').map((a) => ('id' in a ? a.id?.value : '')) : [],
      ['1', '2'],
    );
    assert.equal(kinds(statements, 'action').length, 4);
    const glossary = kinds(statements, 'glossary')[0];
    assert.equal(glossary?.kind === 'glossary' ? glossary.entries.length : 0, 4);
    // Navigation and scripts are not the document.
    assert.ok(!report.counts.paragraphs || !kinds(statements, 'paragraph').some((p) => p.kind === 'paragraph' && /Home|analytics/.test(p.text.value)));
  });

  it('a table under a title row, numbered by a reference column, with a column the converter does not know', async () => {
    const { statements } = await converted('ref-column-table.html');
    const commitments = kinds(statements, 'commitment');
    assert.deepEqual(
      commitments.map((c) => `${'id' in c ? c.id?.value : ''} ${titleOf(c)}`),
      ['1.1 Map county lines operating into Marshton', '1.2 Close cuckooed addresses within 48 hours of a report'],
    );
    // The unknown column is kept, with its name, in each commitment; the title row stays as text.
    assert.ok('items' in commitments[0]! && commitments[0].items.some((s) => s.kind === 'paragraph' && s.text.value === 'RAG status: Green'));
    assert.ok(kinds(statements, 'paragraph').some((p) => p.kind === 'paragraph' && p.text.value === 'Delivery plan 2025/26'));
    // "Lead:" under a heading with no list item before it is the priority's owner.
    const p2 = kinds(statements, 'priority')[1]!;
    assert.ok('items' in p2 && p2.items[0]?.kind === 'owner');
  });

  it('a national plan in plain text: capitals headings, "Aim N" sections and numbered actions with their fields', async () => {
    const { statements, report } = await converted('national-numbered-actions.txt');
    assert.equal(report.documentKind, 'framework');
    assert.deepEqual(
      kinds(statements, 'aim').map((a) => ('id' in a ? a.id?.value : '')),
      ['A1', 'A2'],
    );
    const actions = kinds(statements, 'action');
    assert.deepEqual(
      actions.map((a) => ('id' in a ? a.id?.value : '')),
      ['1', '2', '3', '4'],
    );
    const owners = actions.map((a) => ('items' in a ? a.items.find((s) => s.kind === 'owner') : undefined)).map((o) => (o?.kind === 'owner' ? o.names[0]?.value : undefined));
    assert.deepEqual(owners, ['Home Office', 'Ministry of Justice', 'Department of Health and Social Care', undefined]);
    assert.equal(kinds(statements, 'glossary').length, 1);
  });

  it('a document with no structure stays prose, and still parses', async () => {
    const { statements, report } = await converted('prose-only.md');
    assert.equal(report.documentKind, 'strategy');
    assert.equal(kinds(statements, 'priority').length + kinds(statements, 'commitment').length, 0);
    assert.equal(kinds(statements, 'paragraph').length, 4);
    assert.equal(report.coverage.ratio, 1);
  });
});
