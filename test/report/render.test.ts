import { strict as assert } from 'node:assert';
import { renderHtml } from '../../server/report/render-html.js';
import { md, renderMarkdown } from '../../server/report/render-markdown.js';
import { previewPage } from '../../server/report/preview-page.js';
import { timelineSvg, yearOf } from '../../server/report/timeline-svg.js';
import { FRAMEWORK, STRATEGY_A, STRATEGY_B } from './fixtures.js';
import { nationalFiles, reportOf } from './seed-reports.js';

describe('report renderers', () => {
  it('escapes what documents say: a title cannot inject markup into the page or a table', () => {
    const hostile = `strategy "<script>alert('x')</script> & | pipes" {\n  area "A <b>bold</b> area"\n}\n\npriority 1 "x" {\n  commitment 1 "<img src=x onerror=alert(1)>" {\n    owner "O | Wner"\n  }\n}\n`;
    const report = reportOf({ 'h.strategy': hostile });
    const html = renderHtml(report);
    assert.doesNotMatch(html, /<script|<img|<b>/);
    assert.match(html, /&lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt; &amp; \| pipes/);
    const markdown = renderMarkdown(report);
    assert.match(markdown, /\| O \\\| Wner \| 1 \|/);
    assert.match(markdown, /## \\<script\\>alert\('x'\)\\<\/script\\> & \\\| pipes/);
    assert.equal(md('plain words'), 'plain words');
    assert.equal(md('  a\n b '), 'a b');
  });

  it('draws dated timings against the period, hatches and flags those outside it, and leaves out the undated', () => {
    const report = reportOf({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A });
    const a = report.documents.find((d) => d.file === 'a.strategy')!;
    const svg = timelineSvg(a.timeline, 't')!;
    assert.match(svg, /role="img" aria-labelledby="t-title t-desc"/);
    assert.match(svg, /<title id="t-title">Timeline of 2 dated timings against the period 2010-04 to 2013-03<\/title>/);
    assert.match(svg, /<desc id="t-desc">1 of them fall outside the period/);
    assert.equal((svg.match(/fill="url\(#t-hatch\)"/g) ?? []).length, 1);
    assert.equal((svg.match(/font-weight="bold">!</g) ?? []).length, 1);
    assert.match(svg, />Period 2010-04 to 2013-03</);
    assert.equal(timelineSvg({ period: null, items: a.timeline.items.filter((i) => i.state === 'missing') }, 'u'), undefined);
    assert.equal(yearOf('2012-01-01'), 2012);
    assert.equal(yearOf('2012-12-31', true), 2013);
    // The table gives the same in words.
    const html = renderHtml(report);
    assert.match(html, /Timings of every commitment \(the chart's text alternative\)/);
    assert.match(html, /Outside the period<\/span> <span class="muted">\(ends after the period\)/);
  });

  it('shades the heat map and prints each count, and names the actions nobody picks up', () => {
    const report = reportOf({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B });
    const html = renderHtml(report);
    assert.match(html, /<td class="h2">2<\/td><td class="h1">1<\/td>/);
    assert.match(html, /1 national action nobody picks up:<\/span> <code>3<\/code>/);
    const markdown = renderMarkdown(report);
    assert.match(markdown, /\| `1` \| 2 \| 1 \| 2 \|/);
    assert.match(markdown, /\| `3` \| 0 \| 0 \| \*\*0\*\* \|/);
  });

  it('gives the editor preview buttons that name their line, one nonce and a policy that loads nothing', () => {
    const report = reportOf({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A }, ['a.strategy']);
    const { html, body } = previewPage(report, { nonce: 'abc', cspSource: 'https://webview.example' });
    assert.match(html, /content="default-src &#39;none&#39;; style-src &#39;nonce-abc&#39;; script-src &#39;nonce-abc&#39;; img-src https:\/\/webview\.example data:/);
    assert.equal((html.match(/nonce="abc"/g) ?? []).length, 2);
    assert.match(body, /<button type="button" class="place" data-file="a\.strategy" data-line="19" data-column="\d+" aria-label="Go to a\.strategy:19">a\.strategy:19<\/button>/);
    assert.doesNotMatch(body, /<script/);
    assert.ok(html.includes(body), 'the body swapped in on updates is the page’s own');
  });
});

describe('the report of a national workspace', () => {
  it('opens with the index and the national view; folds each document; gives rule explanations and national text once', async () => {
    const files = await nationalFiles(12);
    const report = reportOf(files);
    const html = renderHtml(report);
    const main = html.slice(html.indexOf('<main'));
    // The index: every document with its counts, before anything else.
    const index = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    assert.equal((index.match(/<tr><th scope="row"><a href="#d\d+">/g) ?? []).length, 13);
    const first = report.documents[1]!;
    const f = first.overview.findings;
    assert.ok(index.includes(`<code>${first.file}</code></th><td class="num">${f.errors}</td><td class="num">${f.warnings}</td><td class="num">${f.infos}</td><td class="num">${first.overview.counts.commitments}</td>`));
    assert.ok(main.indexOf('National view:') < main.indexOf('<article class="document" aria-labelledby="d1"'), 'the national view comes first');
    // Each document's sections are folded shut under its heading and its counts.
    assert.equal((html.match(/<details>/g) ?? []).length, 13);
    assert.doesNotMatch(html, /<details open>/);
    // Every finding is there, its place as a line of the article's own file.
    const total = report.documents.reduce((n, d) => n + d.gaps.reduce((m, g) => m + g.findings.length, 0), 0);
    assert.equal((html.match(/<li class="(error|warning|info)"><span class="sev/g) ?? []).length, total);
    assert.match(html, /— <span class="place">line \d+<\/span><\/li>/);
    // A rule's explanation once per document at most, not once per priority.
    for (const d of report.documents.slice(0, 3)) {
      const article = html.slice(html.indexOf(`aria-labelledby="d${report.documents.indexOf(d) + 1}"`));
      const own = article.slice(0, article.indexOf('</article>'));
      for (const rule of new Set(d.gaps.flatMap((g) => g.findings.map((x) => x.ruleId)))) {
        assert.ok((own.match(new RegExp(`<h5><a href="#rule-${rule}">`, 'g')) ?? []).length >= 1);
        assert.ok((own.split(report.rules.find((r) => r.id === rule)!.description.slice(0, 30)).length - 1) <= 1, rule);
      }
    }
    // Coverage rows link to the national view's row for the action, which gives its text and place once.
    const link = /Action <a href="#n1-a(\d+)"><code>\d+<\/code><\/a>/.exec(html);
    assert.ok(link, 'a coverage row links to the national view');
    assert.match(html, new RegExp(`<tr id="n1-a${link[1]}"[^>]*><th scope="row">Action <code>${link[1]}</code> <span class="muted">\\(aim [^,]+, <span class="place">national/national-0\\.strategy:\\d+</span>\\)`));
  });

  it('keeps each document open when there are only a few', () => {
    const html = renderHtml(reportOf({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B }));
    assert.equal((html.match(/<details open>/g) ?? []).length, 3);
    const single = renderHtml(reportOf({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A }, ['a.strategy']));
    assert.doesNotMatch(single, /<details|<nav/);
    assert.match(single, /<span class="place">a\.strategy:\d+<\/span>/);
  });

  it('makes each coverage section compact only once it is known that its framework has a national view, and numbers the views as the end finds them', async () => {
    // Strategy A comes early, when its framework (nat-1) has no other strategy; B, last, gives it a national view (n1, before national-0's n2).
    const files = { ...(await nationalFiles(12)), 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B };
    const early = ['nat.strategy', 'a.strategy', ...Object.keys(files).filter((f) => !['nat.strategy', 'a.strategy', 'b.strategy'].includes(f))];
    const articleOf = (html: string, file: string): string => {
      const at = html.indexOf(`<code>${file}</code> — `);
      return html.slice(at, html.indexOf('</article>', at));
    };
    const withView = renderHtml(reportOf(files, [...early, 'b.strategy']));
    assert.match(withView, /<h2 id="n1">National view: National plan<\/h2>/);
    const a = articleOf(withView, 'a.strategy');
    assert.match(a, /<a href="#n1">the national view<\/a> gives their text/);
    assert.doesNotMatch(a, /National text/);
    assert.match(articleOf(withView, 'local/strategy-0.strategy'), /Action <a href="#n2-a\d+">/);
    const alone = renderHtml(reportOf(files, early));
    assert.doesNotMatch(alone, /National view: National plan/);
    const aAlone = articleOf(alone, 'a.strategy');
    assert.match(aAlone, /<th scope="col">National text<\/th>/);
    assert.doesNotMatch(aAlone, /the national view/);
    assert.match(articleOf(alone, 'local/strategy-0.strategy'), /Action <a href="#n1-a\d+">/);
    // Markdown decides the same way.
    const markdownOf = (targets: string[]): string => {
      const text = renderMarkdown(reportOf(files, targets));
      const at = text.indexOf('- File: `a.strategy`');
      return text.slice(at, text.indexOf('### Timeline', at));
    };
    assert.match(markdownOf([...early, 'b.strategy']), /\*\*Not answered: action 3\*\*/);
    assert.match(markdownOf(early), /\| Action `3` \| Seize more assets \| \*\*✖ Not answered\*\* \|/);
  });
});
