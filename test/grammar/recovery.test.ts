import assert from 'node:assert/strict';
import { parse, type Statement } from '../../grammar/index.js';

interface Expected {
  readonly at: string; // line:col, 1-based
  readonly message: RegExp;
}

function problemsOf(text: string): { at: string; message: string; kind: string }[] {
  return parse(text).problems.map((p) => ({ at: `${p.range.start.line + 1}:${p.range.start.character + 1}`, message: p.message, kind: p.kind }));
}

function expectProblems(text: string, expected: Expected[]): void {
  const actual = problemsOf(text);
  assert.equal(actual.length, expected.length, `problems: ${JSON.stringify(actual, null, 1)}`);
  expected.forEach((e, i) => {
    assert.equal(actual[i]!.at, e.at, `position of problem ${i + 1}: ${actual[i]!.message}`);
    assert.match(actual[i]!.message, e.message);
  });
}

function titles(text: string): string[] {
  const out: string[] = [];
  const visit = (items: readonly Statement[]): void => {
    for (const s of items) {
      if ('title' in s && s.title) out.push(s.title.value);
      if ('items' in s) visit(s.items);
    }
  };
  visit(parse(text).document.items);
  return out;
}

describe('grammar: error recovery and messages', () => {
  it('a missing owner name is explained in words, and the rest of the file still parses', () => {
    const text = 'priority P1 "A" {\n  commitment 1 "x" {\n    owner\n    timing 2010\n  }\n  commitment 2 "y" { owner "Police" }\n}\npriority P2 "B"\n';
    expectProblems(text, [{ at: '4:5', message: /^Expected the owner's name in quotes \(or an acronym such as HO\) after `owner`, but found `timing`\.$/ }]);
    assert.deepEqual(titles(text), ['A', 'x', 'y', 'B']);
  });

  it('a missing closing quote costs one line, not the rest of the file', () => {
    const text = 'priority P1 "Unclosed title {\ncommitment 1 "next line is fine"\npriority P2 "B"\n';
    const problems = problemsOf(text);
    assert.ok(problems.some((p) => p.at === '1:13' && /no closing quote/.test(p.message)), JSON.stringify(problems));
    assert.ok(titles(text).includes('next line is fine'));
    assert.ok(titles(text).includes('B'));
  });

  it('a stray closing brace is reported where it stands and parsing goes on', () => {
    const text = 'priority P1 "A" {}\n}\npriority P2 "B" {}\n';
    expectProblems(text, [{ at: '2:1', message: /This `\}` closes no block/ }]);
    assert.deepEqual(titles(text), ['A', 'B']);
  });

  it('an unclosed block is reported at its opening brace, naming the statement', () => {
    const text = 'priority P1 "A" {\n  commitment 1 "x"\n';
    expectProblems(text, [{ at: '1:17', message: /This `\{` of `priority` is never closed/ }]);
  });

  describe('one missing `}`, found by the indentation', () => {
    it('a narrative left open is one problem, and the priorities below keep their place', () => {
      const text = [
        'strategy "S" {',
        '  period 2010-04 to 2013-03',
        '}',
        '',
        'narrative "Context" {',
        '  "Some words."',
        '',
        'priority P1 "One" {',
        '  commitment P1.1 "Do" {',
        '    owner "Police"',
        '  }',
        '}',
        'priority P2 "Two" {',
        '  commitment P2.1 "Do more"',
        '}',
        '',
      ].join('\n');
      expectProblems(text, [{ at: '5:21', message: /^This `\{` of `narrative` is never closed: add `\}` before line 8, where its indentation says the block ends\.$/ }]);
      const doc = parse(text).document;
      assert.deepEqual(doc.items.map((s) => s.kind), ['strategy', 'narrative', 'priority', 'priority']);
      assert.deepEqual(titles(text), ['S', 'Context', 'One', 'Do', 'Two', 'Do more']);
    });

    it('a commitment left open ends where its sibling starts', () => {
      const text = 'priority P1 "One" {\n  commitment P1.1 "A" {\n    owner "Police"\n  commitment P1.2 "B" {\n    owner "NHS"\n  }\n}\n';
      expectProblems(text, [{ at: '2:23', message: /`commitment` is never closed: add `\}` before line 4/ }]);
      const priority = parse(text).document.items[0]!;
      assert.ok(priority.kind === 'priority');
      assert.deepEqual(priority.items.map((s) => s.kind), ['commitment', 'commitment']);
      const first = priority.items[0]!;
      assert.ok(first.kind === 'commitment');
      assert.equal(first.range.end.line, 2, 'the block ends with its last line');
    });

    it('a missing `}` before an outer one, dedented', () => {
      const text = 'priority P1 "One" {\n  commitment P1.1 "A" {\n    owner "Police"\n}\npriority P2 "Two" {}\n';
      expectProblems(text, [{ at: '2:23', message: /`commitment` is never closed: add `\}` before line 4/ }]);
      assert.deepEqual(parse(text).document.items.map((s) => s.kind), ['priority', 'priority']);
    });

    it('a file indented against its braces parses as it would without recovery', () => {
      const text = 'priority P1 "One" {\ncommitment P1.1 "A" {\nowner "Police"\n}\n}\n';
      expectProblems(text, []);
      const unbalanced = 'priority P1 "One" {\ncommitment P1.1 "A" {\nowner "Police"\n}\n';
      expectProblems(unbalanced, [{ at: '1:19', message: /`priority` is never closed: add `\}` where the block ends\./ }]);
    });
  });

  it('keywords in capitals and misspelt keywords get a "did you mean"', () => {
    expectProblems('commitment 1 "x" {\n  Owner "Police"\n}\n', [{ at: '2:3', message: /lower case: did you mean `owner`\?/ }]);
    expectProblems('comitment 1 "x"\n', [{ at: '1:1', message: /Did you mean `commitment`\?/ }]);
  });

  it('single quotes are one problem, explained', () => {
    expectProblems("commitment 1 'x'\n", [
      { at: '1:14', message: /Text goes in double quotes/ },
      { at: '1:15', message: /Expected the commitment's text in quotes/ },
    ]);
  });

  it('values a grammar cannot check: impossible dates and financial years', () => {
    expectProblems('strategy "S" {\n  period 2010-13 to 2013-02-30\n}\n', [
      { at: '2:10', message: /2010-13 is not a date: months run from 01 to 12/ },
      { at: '2:21', message: /2013-02-30 is not a date: 2013-02 has 28 days/ },
    ]);
    expectProblems('commitment "x" { timing 2009/11 }', [{ at: '1:25', message: /not a financial year/ }]);
  });

  it('a status outside the list names the list', () => {
    expectProblems('strategy "S" {\n  status pending\n}\n', [{ at: '2:10', message: /one of draft, consultation, final, published, superseded, archived after `status`/ }]);
  });

  it('misplaced statements are explained after the parse', () => {
    expectProblems('strategy "S" { area "A" }\naction 3 "x"\n', [{ at: '2:1', message: /only a framework file can do\. National actions are declared in a framework; link a commitment/ }]);
    expectProblems('priority P1 "x" {\n  period 2010 to 2011\n}\n', [{ at: '2:3', message: /`period` cannot stand in a priority\. It belongs in the `strategy` or `framework` header/ }]);
    expectProblems('strategy "A" {}\nstrategy "B" {}\n', [{ at: '2:1', message: /declares one strategy or one framework/ }]);
    expectProblems('narrative "N" {\n  commitment 1 "x"\n}\n', [{ at: '2:3', message: /cannot stand in a narrative\. A narrative holds only paragraphs/ }]);
    expectProblems('framework f "F" {}\ncommitment 1 "x" { supports action 3 }\n', [{ at: '2:20', message: /`supports` links a local strategy/ }]);
  });

  it('an empty target says what a target needs', () => {
    expectProblems('commitment 1 "x" {\n  target\n}\n', [{ at: '2:3', message: /This target says nothing/ }]);
  });

  it('one mistake never hides the next: errors in two places are both reported', () => {
    const text = 'priority P1 "A" {\n  commitment 1 "x" { owner }\n}\npriority P2 "B" {\n  commitment 2 "y" { timing soon }\n}\npriority P3 "C" {}\n';
    const problems = problemsOf(text);
    assert.deepEqual(
      problems.map((p) => p.at),
      ['2:28', '5:29'],
      JSON.stringify(problems),
    );
    assert.deepEqual(titles(text), ['A', 'x', 'B', 'y', 'C']);
  });

  it('unexpected characters are reported once with their position', () => {
    expectProblems('priority P1 "A" { ; }\n', [{ at: '1:19', message: /Unexpected `;`/ }]);
  });

  it('never throws on arbitrary input', () => {
    const samples = ['', '{', '}', '"', '“', 'strategy', 'priority {', 'NI', 'NI 4', '////', '\u0000\u0001', 'target from by', 'x'.repeat(1000), '{'.repeat(200), '}'.repeat(200)];
    for (const s of samples) assert.doesNotThrow(() => parse(s), JSON.stringify(s.slice(0, 20)));
  });
});
