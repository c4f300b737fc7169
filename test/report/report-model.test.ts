import { strict as assert } from 'node:assert';
import { lintDocument } from '../../server/analysis/engine.js';
import { Workspace } from '../../server/analysis/workspace.js';
import { nationalIndicatorSet } from '../../server/catalogue/indicator-catalogue.js';
import { ReportSchema } from '../../server/report/report-model.js';
import { FRAMEWORK, STRATEGY_A, STRATEGY_B } from './fixtures.js';
import { reportOf } from './seed-reports.js';

describe('report model', () => {
  const report = reportOf({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B });
  const a = report.documents.find((d) => d.file === 'a.strategy')!;

  it('is described by its zod schema', () => {
    assert.doesNotThrow(() => ReportSchema.parse(report));
  });

  it('counts what the overview lists, and the findings lintDocument reports', () => {
    assert.equal(a.kind, 'strategy');
    assert.deepEqual(a.overview.counts, { priorities: 2, commitments: 4, actions: 0, measures: 1, targets: 2 });
    assert.equal(a.overview.area, 'Shire');
    assert.equal(a.overview.status, 'draft');
    assert.equal(a.overview.period?.text, '2010-04 to 2013-03');
    assert.deepEqual(a.overview.frameworks, [{ id: 'nat-1', title: 'National plan', found: true }]);
    const ws = new Workspace();
    ws.set('nat.strategy', FRAMEWORK);
    const findings = lintDocument(ws.set('a.strategy', STRATEGY_A), ws).findings;
    assert.equal(a.overview.findings.errors + a.overview.findings.warnings + a.overview.findings.infos, findings.length);
    assert.equal(a.gaps.reduce((n, g) => n + g.findings.length, 0), findings.length);
    assert.equal(a.overview.byRule.reduce((n, r) => n + r.errors + r.warnings + r.infos, 0), findings.length);
  });

  it('groups gaps by the priority they fall in', () => {
    const labels = a.gaps.map((g) => g.priority?.label ?? null);
    assert.deepEqual(labels, ['Priority 1 — Enforcement', 'Priority 2 — Treatment']);
    const unknown = a.gaps[0]!.findings.find((f) => f.ruleId === 'unknown-national-action');
    assert.ok(unknown, 'supports action 9 is reported in priority 1');
    assert.equal(unknown.location.line, 19);
  });

  it('matches national aims and actions against the commitments that support them', () => {
    const c = a.coverage!;
    assert.equal(c.framework.id, 'nat-1');
    assert.equal(c.totalActions, 3);
    assert.equal(c.answeredActions, 2);
    const action = (n: string) => c.aims.flatMap((x) => x.actions).find((x) => x.number === n)!;
    assert.deepEqual(action('1').supporters.map((s) => s.label), ['Commitment 1', 'Commitment 3']);
    assert.deepEqual(action('3').supporters, []);
    assert.equal(action('3').location.file, 'nat.strategy');
    // `national aim N1.1` on the priority and `national aim "Reduce supply"` in words both count.
    assert.deepEqual(c.aims.find((x) => x.code === 'N1.1')!.supporters.map((s) => s.label), ['Priority 1']);
    assert.deepEqual(c.aims.find((x) => x.code === 'N1.2')!.supporters.map((s) => s.label), ['Commitment 1']);
    assert.equal(c.answeredAims, 2);
    assert.deepEqual(c.unknownReferences.map((u) => [u.kind, u.ref, u.location.line]), [['action', '9', 19]]);
  });

  it('places each timing against the period: dated, outside, vague or missing', () => {
    const states = a.timeline.items.map((i) => [i.label, i.state]);
    assert.deepEqual(states, [
      ['Commitment 1', 'dated'],
      ['Commitment 2', 'vague'],
      ['Commitment 3', 'outside'],
      ['Commitment 1', 'missing'],
    ]);
    const first = a.timeline.items[0]!;
    assert.equal(first.start, '2011-04-01');
    assert.equal(first.end, '2012-03-31');
    assert.equal(a.timeline.items[2]!.note, 'ends after the period');
    const nat = report.documents.find((d) => d.file === 'nat.strategy')!;
    assert.deepEqual(nat.timeline.items.map((i) => [i.label, i.state, i.openEnded]), [
      ['Action 1', 'dated', true],
      ['Action 2', 'dated', false],
      ['Action 3', 'outside', false],
    ]);
  });

  it('lists commitments per owner, an owner on a priority shared by its commitments', () => {
    assert.deepEqual(a.owners.owners.map((o) => [o.name, o.items.length]), [
      ['Shire Police', 2],
      ['Probation Service', 1],
    ]);
    assert.deepEqual(a.owners.unowned.map((i) => i.label), ['Commitment 1']);
  });

  it('gives measures their catalogue title and marks placeholder targets', () => {
    assert.equal(a.measures.length, 1);
    assert.equal(a.measures[0]!.indicator, 'NI 40');
    assert.equal(a.measures[0]!.catalogueTitle, nationalIndicatorSet().get(40)!.title);
    assert.equal(a.measures[0]!.titleDiffers, true);
    const [numeric, placeholder] = a.targets;
    assert.deepEqual([numeric!.indicator, numeric!.baseline, numeric!.value, numeric!.date, numeric!.placeholder], ['NI 40', '10%', 'increase 20%', '2012-03', null]);
    assert.equal(placeholder!.placeholder, 'X');
  });

  it('adds a national view when several reported strategies answer to one framework', () => {
    assert.equal(report.nationalViews.length, 1);
    const v = report.nationalViews[0]!;
    assert.deepEqual(v.strategies.map((s) => s.file), ['a.strategy', 'b.strategy']);
    assert.deepEqual(v.actions.map((x) => [x.number, x.counts, x.strategiesAnswering]), [
      ['1', [2, 1], 2],
      ['2', [1, 0], 1],
      ['3', [0, 0], 0],
    ]);
    assert.deepEqual(v.unanswered, ['3']);
    const single = reportOf({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A }, ['a.strategy']);
    assert.equal(single.nationalViews.length, 0);
  });

  it('reports a strategy whose framework is missing without coverage, and a broken file without crashing', () => {
    const r = reportOf({ 'a.strategy': STRATEGY_A, 'bad.strategy': 'priority 1 "x" {\n  commitment "y" {\n    timing by\n' });
    assert.equal(r.documents[0]!.coverage, null);
    assert.deepEqual(r.documents[0]!.overview.frameworks, [{ id: 'nat-1', title: null, found: false }]);
    assert.ok(r.documents[1]!.overview.byRule.some((b) => b.ruleId === 'syntax-error'));
    assert.ok(r.rules.some((x) => x.id === 'syntax-error'));
    assert.doesNotThrow(() => ReportSchema.parse(r));
  });
});
