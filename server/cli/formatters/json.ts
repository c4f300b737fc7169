/** Machine-readable findings, one object per file, 1-based lines and columns (as ESLint's json format). */
import { countFindings } from '../lint-result.js';
import type { Formatter } from './index.js';
import type { Finding, TextEdit } from '../../rules/rule.js';
import { ruleDocsUrl } from '../../rules/docs-url.js';

const edit = (e: TextEdit) => ({ range: [e.range.start.offset, e.range.end.offset], text: e.newText });

function message(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    docs: ruleDocsUrl(f.ruleId),
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ...(f.related?.length ? { related: f.related.map((r) => ({ uri: r.uri, line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message })) } : {}),
    ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map(edit) } } : {}),
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map((s) => ({ title: s.title, edits: s.edits.map(edit) })) } : {}),
  };
}

/**
 * The same text as `JSON.stringify(results, null, 2)`: each file's entry
 * made as it stands in the whole, the joiner adding what comes between.
 */
export function jsonFormatter(): Formatter<string> {
  return {
    part(r) {
      const c = countFindings(r.findings);
      const entry = {
        filePath: r.display,
        messages: r.findings.map(message),
        errorCount: c.errors,
        warningCount: c.warnings,
        infoCount: c.infos,
        fixableCount: c.fixable,
        ...(r.output !== undefined ? { output: r.output } : {}),
      };
      // Stringified as the one element of an array, the entry comes out indented as it stands in the whole: only the brackets are cut.
      return JSON.stringify([entry], null, 2).slice(4, -2);
    },
    join() {
      let files = 0;
      return {
        add: (entry) => `${files++ === 0 ? '[\n  ' : ',\n  '}${entry}`,
        end: () => (files === 0 ? '[]\n' : '\n]\n'),
      };
    },
  };
}
