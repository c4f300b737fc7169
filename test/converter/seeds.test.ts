/**
 * The five seed documents, converted (seeds/*.strategy) and read back
 * through `strategy export` and `strategy lint`: the facts issue 4 lists,
 * and the staleness check CI relies on.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '../../grammar/index.js';
import { runCli } from '../support/run-cli.js';
import { REPO, SEEDS } from '../support/paths.js';
import { scratch } from '../support/temp.js';
import { children, descendants, exportModel, lintJson, ofKind, statements, type LintMessage } from './support.js';

const PLAN = join(SEEDS, 'national-drug-strategy-action-plan-2008-2011.strategy');
const OVERVIEW = join(SEEDS, 'national-drug-strategy-2008-overview.strategy');
const WORCESTERSHIRE = join(SEEDS, 'worcestershire-drug-alcohol-strategy-2022-2027.strategy');
const HARM_TO_HOPE = join(SEEDS, 'from-harm-to-hope.strategy');
const GLOUCESTERSHIRE = join(SEEDS, 'gloucestershire-drugs-strategy-2010-2013-draft.strategy');
const BIRMINGHAM = join(SEEDS, 'birmingham-drug-strategy-2013.strategy');

const ORIGINALS = readdirSync(SEEDS)
  .filter((f) => /\.(?:txt|md)$/.test(f))
  .sort()
  .map((f) => join('seeds', f));

function property(s: Statement, kind: Statement['kind']): Statement | undefined {
  return children(s).find((c) => c.kind === kind);
}

function textOf(s: Statement | undefined): string | undefined {
  if (!s) return undefined;
  if ('title' in s && s.title) return s.title.value;
  if ('text' in s && s.text && typeof s.text === 'object') return s.text.value;
  return undefined;
}

describe('converted seeds', function () {
  this.timeout(60000);

  it('are up to date with their originals (strategy convert --check seeds/…)', async () => {
    assert.equal(ORIGINALS.length, 5);
    const run = await runCli(['convert', '--check', ...ORIGINALS], { cwd: REPO });
    assert.equal(run.code, 0, `stale conversions (run \`npm run convert:seeds\`):\n${run.stderr}`);
  });

  it('keep every word of every original, with nothing left unplaced', async () => {
    const out = scratch();
    const run = await runCli(['convert', '--report', 'json', '--out-dir', out, ...ORIGINALS], { cwd: REPO });
    assert.equal(run.code, 0, run.stderr);
    const reports = JSON.parse(run.stdout) as { input: string; coverage: { ratio: number; anyOrder: number }; unplaced: unknown[] }[];
    assert.equal(reports.length, 5);
    for (const r of reports) {
      assert.equal(r.coverage.anyOrder, 1, `${r.input} lost words`);
      // In order, the words a table's columns put into another order (a target direction written into its measure) count apart.
      assert.ok(r.coverage.ratio >= 0.95, `${r.input} keeps only ${r.coverage.ratio} of its words in order`);
      assert.deepEqual(r.unplaced, [], `${r.input} left text unplaced`);
    }
  });

  describe('national action plan 2008–2011', () => {
    it('is framework drugs-2008 with 5 themes, 22 strategic objectives and 36 acronyms', async () => {
      const model = await exportModel(PLAN);
      assert.equal(model.documentKind, 'framework');
      const header = model.document.items[0]!;
      assert.equal(header.kind === 'framework' ? header.id?.value : undefined, 'drugs-2008');
      const all = statements(model);
      assert.equal(ofKind(all, 'priority').length, 5);
      assert.equal(ofKind(all, 'aim').length, 22);
      for (const p of ofKind(all, 'priority')) assert.ok(children(p).every((c) => c.kind === 'aim'), `theme ${p.id?.value} holds only strategic objectives`);
      const glossary = ofKind(all, 'glossary');
      assert.equal(glossary.length, 1);
      assert.equal(glossary[0]!.entries.length, 36);
      assert.equal(glossary[0]!.entries.find((e) => e.term.value === 'MoJ')?.meaning?.value, 'Ministry of Justice');
    });

    it('has actions 1 to 87 in order, each with its owner, outcome, coverage and timing', async () => {
      const actions = ofKind(statements(await exportModel(PLAN)), 'action');
      assert.deepEqual(
        actions.map((a) => a.id?.value),
        Array.from({ length: 87 }, (_, i) => String(i + 1)),
      );
      for (const a of actions) {
        for (const kind of ['owner', 'outcome', 'coverage', 'timing'] as const) assert.ok(property(a, kind), `action ${a.id?.value} has a ${kind}`);
      }
      const action4 = actions[3]!;
      const owner = property(action4, 'owner');
      assert.deepEqual(owner?.kind === 'owner' ? owner.names.map((n) => n.value) : [], ['HO', 'MoJ']);
      const timing = property(actions[0]!, 'timing');
      assert.ok(timing?.kind === 'timing' && timing.spec?.type === 'ongoing' && timing.spec.start?.text === '2008-04');
      assert.equal(timing?.kind === 'timing' ? timing.words?.value : undefined, 'Ongoing, from April 2008');
    });

    it('lands the row continued on the next page in action 62', async () => {
      const actions = ofKind(statements(await exportModel(PLAN)), 'action');
      const a62 = actions.find((a) => a.id?.value === '62')!;
      const texts = descendants(a62).map(textOf);
      assert.ok(texts.includes('referral of drug users in receipt of benefits into treatment;'));
      assert.ok(texts.some((t) => t?.startsWith('joint planning by Primary Care Trusts, Jobcentre Plus and local authorities')));
      const a63 = actions.find((a) => a.id?.value === '63')!;
      assert.ok(!descendants(a63).map(textOf).some((t) => t?.startsWith('joint planning')));
    });
  });

  describe('national overview 2008', () => {
    it('is a framework whose three "we will" lists are priorities of aims', async () => {
      const model = await exportModel(OVERVIEW);
      assert.equal(model.documentKind, 'framework');
      const all = statements(model);
      assert.deepEqual(
        ofKind(all, 'priority').map((p) => ofKind(children(p), 'aim').length),
        [5, 5, 6],
      );
    });
  });

  describe('Worcestershire 2022–2027', () => {
    it('has 4 key priorities plus the partnership commitments, 31 commitments, 15 board members and 11 glossary entries', async () => {
      const model = await exportModel(WORCESTERSHIRE);
      assert.equal(model.documentKind, 'strategy');
      const all = statements(model);
      const priorities = ofKind(all, 'priority');
      assert.deepEqual(
        priorities.map((p) => p.id?.value ?? p.title?.value),
        ['KP1', 'KP2', 'KP3', 'KP4', 'PARTNERSHIP COMMITMENTS'],
      );
      assert.equal(ofKind(all, 'commitment').length, 31);
      const partners = ofKind(all, 'partners');
      assert.equal(partners.reduce((n, p) => n + p.entries.length, 0), 15);
      assert.equal(ofKind(all, 'glossary').reduce((n, g) => n + g.entries.length, 0), 11);
    });

    it('answers to From Harm to Hope, built as a framework from what the strategy says of it', async () => {
      const model = await exportModel(WORCESTERSHIRE);
      const header = model.document.items[0]!;
      const ref = ofKind(children(header), 'frameworkRef')[0];
      assert.deepEqual(ref?.refs.map((r) => r.value), ['from-harm-to-hope']);
      const framework = await exportModel(HARM_TO_HOPE);
      assert.equal(framework.documentKind, 'framework');
      const priorities = ofKind(statements(framework), 'priority');
      assert.deepEqual(
        priorities.map((p) => p.title?.value),
        ['Break drug supply chains', 'Deliver a world-class treatment and recovery system', 'Achieve a generational shift in demand for drugs'],
      );
      const owners = priorities.map((p) => ofKind(children(p), 'owner')[0]?.names.map((n) => n.value));
      assert.deepEqual(owners[0], ['Home Office', 'Ministry of Justice']);
      assert.ok(owners[1]?.includes('Department for Levelling Up, Housing and Communities'));
    });

    it('keeps COMMITMENT 1 and 3 only in Key Priority 1, and the linter reports the gap', async () => {
      const all = statements(await exportModel(WORCESTERSHIRE));
      const kp1 = ofKind(all, 'priority').find((p) => p.id?.value === 'KP1')!;
      assert.deepEqual(
        ofKind(descendants(kp1), 'commitment').map((c) => c.id?.value),
        ['1', '3'],
      );
      const findings = (await lintJson([SEEDS])).get('worcestershire-drug-alcohol-strategy-2022-2027.strategy') ?? [];
      const gaps = findings.filter((m: LintMessage) => m.ruleId === 'numbering-gap');
      assert.deepEqual(
        gaps.map((m) => m.message),
        ['Commitment 3 follows commitment 1: commitment 2 is missing.'],
      );
    });
  });

  describe('Gloucestershire 2010–2013 draft', () => {
    it('has 4 work areas, 18 national aims, 28 "we will" commitments and its LAA indicators as measures', async () => {
      const model = await exportModel(GLOUCESTERSHIRE);
      const all = statements(model);
      const header = model.document.items[0]!;
      assert.deepEqual(ofKind(children(header), 'frameworkRef')[0]?.refs.map((r) => r.value), ['drugs-2008']);
      assert.deepEqual(ofKind(children(header), 'status')[0]?.value, 'draft');
      assert.equal(ofKind(all, 'priority').length, 4);
      assert.equal(ofKind(all, 'nationalAim').length, 18);
      assert.equal(ofKind(all, 'commitment').length, 28);
      assert.deepEqual(
        ofKind(all, 'measure').map((m) => m.indicator?.code),
        [30, 38, 42, 40, 110, 111, 115],
      );
    });

    it('has its placeholder targets reported by placeholder-target', async () => {
      const findings = (await lintJson([SEEDS])).get('gloucestershire-drugs-strategy-2010-2013-draft.strategy') ?? [];
      const placeholders = findings.filter((m) => m.ruleId === 'placeholder-target').map((m) => /\(([^)]+)\)/.exec(m.message)?.[1]);
      assert.deepEqual(placeholders.sort(), ['TBC', 'X', 'X %', 'XX', 'XX'].sort());
      const notes = findings.filter((m) => m.ruleId === 'open-note').map((m) => m.message);
      assert.ok(notes.some((n) => n.includes('?add para on drug markets')));
      assert.ok(notes.some((n) => n.includes('add reference')));
    });
  });

  describe('Birmingham 2013', () => {
    it('has 3 themes, 7 outcomes and 18 measures, each with its own target direction', async () => {
      const all = statements(await exportModel(BIRMINGHAM));
      assert.deepEqual(
        ofKind(all, 'priority').map((p) => p.title?.value),
        ['Reduce demand', 'Restrict supply', 'Build recovery'],
      );
      assert.equal(ofKind(all, 'outcome').length, 7);
      const measures = ofKind(all, 'measure');
      assert.equal(measures.length, 18);
      const directions = measures.map((m) => {
        const targets = ofKind(children(m), 'target');
        assert.equal(targets.length, 1, `measure "${m.title?.value}" has one target`);
        return `${m.title?.value} → ${targets[0]!.direction?.value}`;
      });
      assert.deepEqual(directions.slice(5, 10), [
        'Reduction in illegal drug supply → reduce',
        "Low offending rates of PPO's → reduce",
        'Increased disruption of drug related businesses → increase',
        'Reduced illegal drug use in prison → reduce',
        'Implement community responses → increase',
      ]);
      assert.deepEqual(
        directions.slice(10).map((d) => d.split(' → ')[1]),
        ['increase', 'reduce', 'reduce', 'increase', 'increase', 'increase', 'increase', 'increase'],
      );
      assert.equal(directions[17], 'The capacity to be an effective and caring parent → increase');
    });
  });
});
