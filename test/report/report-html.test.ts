import { strict as assert } from 'node:assert';
import { HtmlValidate } from 'html-validate';
import { testReports } from './seed-reports.js';

describe('the HTML report is valid HTML (html-validate)', function () {
  this.timeout(60_000);
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // The report is one file with no assets: its styles are inline by design.
      'no-inline-style': 'off',
      // Long titles are the documents' own.
      'long-title': 'off',
    },
  });
  it('every seed, all seeds together, a national view, the fixture and the editor preview', async () => {
    const failures: string[] = [];
    for (const { name, html } of await testReports()) {
      const result = await validator.validateString(html);
      const messages = result.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message} — ${html.slice(Math.max(0, m.offset - 40), m.offset + 60)}`));
      if (messages.length > 0) failures.push(`${name}: ${messages.length} problems, first: ${messages.slice(0, 5).join('\n  ')}`);
    }
    assert.deepEqual(failures, []);
  });
});
