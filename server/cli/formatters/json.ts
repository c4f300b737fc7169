/** Machine-readable findings, one object per file, 1-based lines and columns (as ESLint's json format). */
import { countFindings } from '../lint-result.js';
import type { Formatter } from './index.js';
import type { Finding, Fix, RelatedLocation, Severity, TextEdit } from '../../rules/rule.js';
import { ruleDocsUrl } from '../../rules/docs-url.js';

/*
 * The same text as `JSON.stringify(results, null, 2)`, written out by hand:
 * building an object per finding and stringifying it was some 5% of a lint
 * run's CPU (a thousand-file run writes 58 MB of it), half of it saved so.
 * Only the strings go through JSON.stringify, which escapes them exactly as
 * it would inside the whole; the layout around them is the one it gives at
 * each depth. The text is left as concatenated (the output's join flattens
 * it): joining an array of pieces per file instead measured slower.
 */

/** A line break and the indent of `depth` levels, as the file's entry stands in the array at depth 1. */
const NL: readonly string[] = Array.from({ length: 10 }, (_, depth) => `\n${'  '.repeat(depth)}`);

const quote = (s: string): string => JSON.stringify(s);

/** As JSON.stringify writes a number: a value that is not finite is null. */
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');

/** A list of edits whose items stand at `depth`. */
function editsJson(edits: readonly TextEdit[], depth: number): string {
  if (edits.length === 0) return '[]';
  const item = NL[depth]!;
  const key = NL[depth + 1]!;
  const bound = NL[depth + 2]!;
  let s = '[';
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    s += `${i === 0 ? '' : ','}${item}{${key}"range": [${bound}${num(e.range.start.offset)},${bound}${num(e.range.end.offset)}${key}],${key}"text": ${quote(e.newText)}${item}}`;
  }
  return `${s}${NL[depth - 1]}]`;
}

/** A fix or suggestion whose keys stand at `depth`. */
function fixJson(fix: Fix, depth: number): string {
  const key = NL[depth]!;
  return `{${key}"title": ${quote(fix.title)},${key}"edits": ${editsJson(fix.edits, depth + 1)}${NL[depth - 1]}}`;
}

/** The related locations of a message (whose keys stand at depth 4). */
function relatedJson(related: readonly RelatedLocation[]): string {
  let s = '[';
  for (let i = 0; i < related.length; i++) {
    const r = related[i]!;
    s += `${i === 0 ? '' : ','}${NL[5]}{${NL[6]}"uri": ${quote(r.uri)},${NL[6]}"line": ${num(r.range.start.line + 1)},${NL[6]}"column": ${num(r.range.start.character + 1)},${NL[6]}"message": ${quote(r.message)}${NL[5]}}`;
  }
  return `${s}${NL[4]}]`;
}

function suggestionsJson(suggestions: readonly Fix[]): string {
  let s = '[';
  for (let i = 0; i < suggestions.length; i++) s += `${i === 0 ? '' : ','}${NL[5]}${fixJson(suggestions[i]!, 6)}`;
  return `${s}${NL[4]}]`;
}

/** A message's text from its `{` to its `"message": `, the same for every finding of a rule at a severity. */
type MessageHeads = Readonly<Record<Severity, string>>;

function messageHeads(ruleId: string): MessageHeads {
  const head = (severity: Severity): string => `{${NL[4]}"ruleId": ${quote(ruleId)},${NL[4]}"severity": ${quote(severity)},${NL[4]}"docs": ${quote(ruleDocsUrl(ruleId))},${NL[4]}"message": `;
  return { error: head('error'), warning: head('warning'), info: head('info') };
}

// The constant text between a message's values, each one piece: every piece added to the text is a node the writer walks when it joins the output.
const LINE = `,${NL[4]}"line": `;
const COLUMN = `,${NL[4]}"column": `;
const END_LINE = `,${NL[4]}"endLine": `;
const END_COLUMN = `,${NL[4]}"endColumn": `;
const RELATED = `,${NL[4]}"related": `;
const FIX = `,${NL[4]}"fix": `;
const SUGGESTIONS = `,${NL[4]}"suggestions": `;
const FIRST_MESSAGE = `[${NL[3]}`;
const NEXT_MESSAGE = `,${NL[3]}`;
const MESSAGE_END = `${NL[3]}}`;

/** One finding, an item of `messages` (at depth 3), from the head its rule and severity give. */
function messageJson(f: Finding, head: string): string {
  const { start, end } = f.range;
  let s = head + quote(f.message) + LINE + num(start.line + 1) + COLUMN + num(start.character + 1) + END_LINE + num(end.line + 1) + END_COLUMN + num(end.character + 1);
  if (f.related?.length) s += RELATED + relatedJson(f.related);
  if (f.fix) s += FIX + fixJson(f.fix, 5);
  if (f.suggestions?.length) s += SUGGESTIONS + suggestionsJson(f.suggestions);
  return s + MESSAGE_END;
}

/**
 * Each file's entry is written as it stands in the whole (from its `{` to
 * its `}`, at depth 1), the joiner adding what comes between.
 */
export function jsonFormatter(): Formatter<string> {
  const heads = new Map<string, MessageHeads>();
  const headOf = (f: Finding): string => {
    let h = heads.get(f.ruleId);
    if (h === undefined) heads.set(f.ruleId, (h = messageHeads(f.ruleId)));
    return h[f.severity];
  };
  return {
    part(r) {
      const c = countFindings(r.findings);
      let messages = '[]';
      if (r.findings.length > 0) {
        messages = '';
        for (let i = 0; i < r.findings.length; i++) {
          const f = r.findings[i]!;
          messages += (i === 0 ? FIRST_MESSAGE : NEXT_MESSAGE) + messageJson(f, headOf(f));
        }
        messages += `${NL[2]}]`;
      }
      const key = NL[2]!;
      const output = r.output !== undefined ? `,${key}"output": ${quote(r.output)}` : '';
      return `{${key}"filePath": ${quote(r.display)},${key}"messages": ${messages},${key}"errorCount": ${num(c.errors)},${key}"warningCount": ${num(c.warnings)},${key}"infoCount": ${num(c.infos)},${key}"fixableCount": ${num(c.fixable)}${output}${NL[1]}}`;
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
