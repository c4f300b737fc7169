import assert from 'node:assert/strict';
import { LineIndex, parse, type Statement, type StrategyDocument } from '../../grammar/index.js';

function only(text: string): StrategyDocument {
  const r = parse(text);
  assert.deepEqual(r.problems.map((p) => p.message), []);
  return r.document;
}

function find<K extends Statement['kind']>(doc: StrategyDocument, kind: K): Extract<Statement, { kind: K }> {
  const stack: Statement[] = [...doc.items];
  while (stack.length > 0) {
    const s = stack.shift()!;
    if (s.kind === kind) return s as Extract<Statement, { kind: K }>;
    if ('items' in s) stack.push(...s.items);
  }
  throw new Error(`no ${kind}`);
}

/** The source text a range covers. */
const slice = (text: string, r: { start: { offset: number }; end: { offset: number } }): string => text.slice(r.start.offset, r.end.offset);

describe('grammar: every construct', () => {
  const header = 'strategy S1 "Gloucestershire Drugs Strategy 2010–2013" {\n  area "Gloucestershire"\n  period 2010-04 to 2013-03\n  status draft\n  framework drugs-2008, harm-to-hope\n  owner "GSSCP"\n  vision "A safer county"\n  note "check title"\n}\n';

  it('strategy header with every field, and their ranges', () => {
    const doc = only(header);
    const s = find(doc, 'strategy');
    assert.equal(s.id?.value, 'S1');
    assert.equal(s.title?.value, 'Gloucestershire Drugs Strategy 2010–2013');
    assert.deepEqual(s.items.map((i) => i.kind), ['area', 'period', 'status', 'frameworkRef', 'owner', 'vision', 'note']);
    const period = find(doc, 'period');
    assert.equal(period.start?.first, '2010-04-01');
    assert.equal(period.end?.last, '2013-03-31');
    assert.equal(slice(header, period.range), 'period 2010-04 to 2013-03');
    assert.deepEqual(period.range.start, { line: 2, character: 2, offset: header.indexOf('period') });
    const status = find(doc, 'status');
    assert.equal(status.value, 'draft');
    assert.deepEqual(find(doc, 'frameworkRef').refs.map((r) => r.value), ['drugs-2008', 'harm-to-hope']);
    assert.equal(slice(header, find(doc, 'frameworkRef').refs[1]!.range), 'harm-to-hope');
    assert.equal(slice(header, s.keywordRange), 'strategy S1');
  });

  it('framework header, priority, aim, action with owner, outcome, coverage, timing and target', () => {
    const text = [
      'framework drugs-2008 "Action Plan" {',
      '  period 2008-04 to 2011-03',
      '}',
      'priority PC "Protecting communities" {',
      '  aim PC.1 "Targeting offenders" {',
      '    action 3 "Increase DIP conditional cautions to 2,000" {',
      '      owner HO/MoJ, "Cabinet Office (SETF)"',
      '      outcome "Less offending"',
      '      coverage "England and Wales"',
      '      timing by 2009-03 "By end March 2009"',
      '      target 2000 "DIP conditional cautions"',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const doc = only(text);
    assert.equal(find(doc, 'framework').id?.value, 'drugs-2008');
    const action = find(doc, 'action');
    assert.equal(action.id?.value, '3');
    assert.equal(slice(text, action.keywordRange), 'action 3');
    const owner = find(doc, 'owner');
    assert.deepEqual(owner.names.map((n) => [n.value, n.quoted]), [['HO', false], ['MoJ', false], ['Cabinet Office (SETF)', true]]);
    assert.equal(slice(text, owner.names[2]!.range), '"Cabinet Office (SETF)"');
    assert.equal(find(doc, 'outcome').hasBlock, false);
    assert.equal(find(doc, 'coverage').text?.value, 'England and Wales');
    const timing = find(doc, 'timing');
    assert.deepEqual(timing.spec?.type, 'by');
    assert.equal(timing.words?.value, 'By end March 2009');
    const target = find(doc, 'target');
    assert.equal(target.value?.number, 2000);
    assert.equal(target.words?.value, 'DIP conditional cautions');
  });

  it('every timing form', () => {
    const forms: [string, string][] = [
      ['timing 2009', 'on'],
      ['timing 2009/10', 'on'],
      ['timing 2008-04 to 2011-03', 'between'],
      ['timing from 2008-04 to 2011-03', 'between'],
      ['timing from 2008-04', 'from'],
      ['timing by 2009-03-31', 'by'],
      ['timing ongoing', 'ongoing'],
      ['timing ongoing from 2008-04 "Ongoing, from April 2008"', 'ongoing'],
    ];
    for (const [line, type] of forms) {
      const doc = only(`commitment "x" {\n  ${line}\n}\n`);
      assert.equal(find(doc, 'timing').spec?.type, type, line);
    }
    const words = only('commitment "x" { timing "Subject to legislative process" }');
    assert.equal(find(words, 'timing').spec, undefined);
    assert.equal(find(words, 'timing').words?.value, 'Subject to legislative process');
    const fy = find(only('commitment "x" { timing 2009/10 }'), 'timing');
    assert.ok(fy.spec?.type === 'on' && fy.spec.date.first === '2009-04-01' && fy.spec.date.last === '2010-03-31');
  });

  it('targets: direction, value, percent, indicator, baseline, deadline, placeholders', () => {
    const t = find(only('commitment "x" { target increase 10% NI 40 from 45.5% by 2013-03 "in effective treatment" }'), 'target');
    assert.equal(t.direction?.value, 'increase');
    assert.deepEqual([t.value?.number, t.value?.percent], [10, true]);
    assert.equal(t.indicator?.code, 40);
    assert.deepEqual([t.baseline?.number, t.baseline?.percent], [45.5, true]);
    assert.equal(t.deadline?.text, '2013-03');
    assert.equal(t.words?.value, 'in effective treatment');
    const p = find(only('commitment "x" { target increase X% from XX }'), 'target');
    assert.deepEqual([p.value?.placeholder, p.value?.percent, p.baseline?.placeholder], ['X', true, 'XX']);
    assert.equal(find(only('commitment "x" { target tbc }'), 'target').value?.placeholder, 'tbc');
    assert.equal(find(only('commitment "x" { target TBC }'), 'target').value?.placeholder, 'TBC');
    assert.equal(find(only('measure "Reduced harms" { target reduce }'), 'target').direction?.value, 'reduce');
  });

  it('measures with an indicator in any spelling, or in words', () => {
    for (const code of ['NI 40', 'NI40', 'NI-40', 'NI - 40']) {
      const m = find(only(`measure ${code} "Drug users in effective treatment"`), 'measure');
      assert.equal(m.indicator?.code, 40, code);
    }
    const local = find(only('measure "Households contacted"'), 'measure');
    assert.equal(local.indicator, undefined);
    assert.equal(local.title?.value, 'Households contacted');
  });

  it('national aims by code, words or both; supports actions and aims', () => {
    const doc = only('priority P1 "x" {\n  national aim PC.1\n  national aim "Embed action"\n  national aim PC.2 "Support communities"\n  commitment P1.1 "y" {\n    supports action 20, 21\n    supports aim PC.1\n  }\n}\n');
    const aims = (find(doc, 'priority').items.filter((i) => i.kind === 'nationalAim') as Extract<Statement, { kind: 'nationalAim' }>[]).map((a) => [a.id?.value, a.title?.value]);
    assert.deepEqual(aims, [['PC.1', undefined], [undefined, 'Embed action'], ['PC.2', 'Support communities']]);
    const supports = find(doc, 'commitment').items.filter((i) => i.kind === 'supports') as Extract<Statement, { kind: 'supports' }>[];
    assert.deepEqual(supports.map((s) => [s.target, s.refs.map((r) => r.value)]), [['action', ['20', '21']], ['aim', ['PC.1']]]);
  });

  it('sections, outcome blocks, narratives, paragraphs, notes, partners and glossary', () => {
    const text = [
      'priority KP3 "TREATMENT" {',
      '  "We will build on our existing services."',
      '  section "Young people commitments" {',
      '    commitment 10 "Appropriate services for young people"',
      '  }',
      '  outcome "Fewer young people taking up drugs" {',
      '    commitment "Provide education"',
      '    measure "Use by young people" { target reduce }',
      '  }',
      '}',
      'narrative "Foreword" {',
      '  "The devastating effects…"',
      '  note "add reference"',
      '  narrative "Local picture" {}',
      '}',
      'partners "Board members" {',
      '  "West Mercia Police"',
      '  "Cranstoun" role "community treatment provider"',
      '}',
      'glossary "Glossary" {',
      '  CDRP "Crime and Disorder Reduction Partnership"',
      '  "PPO\'s" "Prolific and other Priority Offenders"',
      '}',
    ].join('\n');
    const doc = only(text);
    assert.equal(find(doc, 'section').items.length, 1);
    assert.equal(find(doc, 'outcome').hasBlock, true);
    assert.equal(find(doc, 'paragraph').text.value, 'We will build on our existing services.');
    const narrative = find(doc, 'narrative');
    assert.deepEqual(narrative.items.map((i) => i.kind), ['paragraph', 'note', 'narrative']);
    const partners = find(doc, 'partners');
    assert.deepEqual(partners.entries.map((e) => [e.name.value, e.role?.value]), [['West Mercia Police', undefined], ['Cranstoun', 'community treatment provider']]);
    const glossary = find(doc, 'glossary');
    assert.deepEqual(glossary.entries.map((e) => [e.term.value, e.term.quoted]), [['CDRP', false], ["PPO's", true]]);
    assert.equal(slice(text, glossary.entries[0]!.range), 'CDRP "Crime and Disorder Reduction Partnership"');
  });

  it('strings: escapes, typographic quotes, comments kept apart', () => {
    const text = 'note "She said \\"no\\" \\\\ twice\\nthen left" // trailing\n"“Quoted” paragraph"\nnote “Curly note”\n';
    const doc = only(text);
    const notes = doc.items.filter((i) => i.kind === 'note') as Extract<Statement, { kind: 'note' }>[];
    assert.equal(notes[0]!.text?.value, 'She said "no" \\ twice\nthen left');
    assert.equal(notes[1]!.text?.value, 'Curly note');
    assert.equal(find(doc, 'paragraph').text.value, '“Quoted” paragraph');
    assert.deepEqual(doc.comments.map((c) => c.text), [' trailing']);
    assert.deepEqual(doc.comments[0]!.range.start, { line: 0, character: text.indexOf('//'), offset: text.indexOf('//') });
  });

  it('the document ends where the text ends, whatever the line breaks and trailing comments', () => {
    for (const t of ['', '\n', 'note "x"\n\n', 'note "x" // c\r\n  ', '// c', 'note "x"\r\n\r\n\r\nx', '\r\r\n']) {
      assert.deepEqual(parse(t).document.range.end, new LineIndex(t).positionAt(t.length), JSON.stringify(t));
    }
  });

  it('a document range covers the whole text; blocks cover braces', () => {
    const text = 'priority P1 "x" {\n  commitment 1 "y"\n}\n';
    const doc = only(text);
    assert.equal(doc.range.end.offset, text.length);
    assert.equal(slice(text, find(doc, 'priority').range), 'priority P1 "x" {\n  commitment 1 "y"\n}');
    assert.equal(find(doc, 'priority').hasBlock, true);
    assert.equal(find(doc, 'commitment').hasBlock, false);
  });
});
