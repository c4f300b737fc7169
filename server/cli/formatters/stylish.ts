/**
 * The default output: one line per finding in the `file:line:col: severity
 * rule-id message` form editors and problem matchers read, a code frame
 * under it, and a summary.
 */
import type { Finding } from '../../rules/rule.js';
import { LineIndex } from '../../../grammar/positions.js';
import { addCounts, countFindings, type Counts } from '../lint-result.js';
import type { ResultFormatter } from './index.js';
import type { Paint } from './colour.js';

const FRAME_WIDTH = 100;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The source line(s) of a finding with a caret line under the range, clipped to a readable width. */
export function codeFrame(lines: LineIndex, f: Finding, paint: Paint): string[] {
  const line = f.range.start.line;
  if (line >= lines.lineCount) return [];
  const gutterWidth = String(line + 1).length;
  const out: string[] = [];
  const source = lines.lineText(line).replace(/\t/g, ' ');
  const start = f.range.start.character;
  const end = f.range.end.line === line ? Math.max(f.range.end.character, start + 1) : Math.max(source.length, start + 1);
  let from = 0;
  if (source.length > FRAME_WIDTH) from = Math.max(0, Math.min(start - 20, source.length - FRAME_WIDTH));
  const clipped = source.slice(from, from + FRAME_WIDTH);
  const prefix = from > 0 ? '…' : '';
  const suffix = from + FRAME_WIDTH < source.length ? '…' : '';
  const gutter = (n: string): string => paint.dim(`${n.padStart(gutterWidth)} |`);
  out.push(`${paint.bold('>')} ${gutter(String(line + 1))} ${prefix}${clipped}${suffix}`);
  const caretStart = Math.max(0, start - from) + prefix.length;
  const caretLength = Math.max(1, Math.min(end, from + FRAME_WIDTH) - Math.max(start, from));
  const caret = f.severity === 'error' ? paint.red : f.severity === 'warning' ? paint.yellow : paint.cyan;
  out.push(`  ${gutter(' '.repeat(gutterWidth))} ${' '.repeat(caretStart)}${caret('^'.repeat(caretLength))}`);
  return out;
}

function countsText(c: Counts): string {
  return [c.errors > 0 ? plural(c.errors, 'error') : '', c.warnings > 0 ? plural(c.warnings, 'warning') : '', c.infos > 0 ? plural(c.infos, 'info') : ''].filter(Boolean).join(', ');
}

interface RuleTally {
  count: number;
  readonly severities: Set<string>;
  counts: Counts;
}

const NO_COUNTS: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };

/**
 * Where the findings are: counts per rule (most first) and per file, so a
 * reviewer sees at a glance what to fix first. Left out when there is only
 * one rule and one file to speak of.
 */
function breakdown(byRule: ReadonlyMap<string, RuleTally>, files: readonly { display: string; count: number; counts: Counts }[], paint: Paint): string[] {
  if (byRule.size < 2 && files.length < 2) return [];
  const out: string[] = [];
  const rules = [...byRule].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const ruleWidth = Math.max(...rules.map(([id]) => id.length));
  out.push(paint.bold('Problems by rule:'));
  for (const [id, tally] of rules) {
    const label = tally.severities.size === 1 ? [...tally.severities][0]! : countsText(tally.counts);
    out.push(`  ${id.padEnd(ruleWidth)}  ${String(tally.count).padStart(4)}  ${paint.dim(label)}`);
  }
  const fileWidth = Math.max(...files.map((r) => r.display.length));
  out.push(paint.bold('Problems by file:'));
  for (const r of files) out.push(`  ${r.display.padEnd(fileWidth)}  ${String(r.count).padStart(4)}  ${paint.dim(countsText(r.counts))}`);
  out.push('');
  return out;
}

const lines = (out: readonly string[]): string => out.map((l) => `${l}\n`).join('');

export function stylishFormatter(paint: Paint): ResultFormatter {
  const byRule = new Map<string, RuleTally>();
  const files: { display: string; count: number; counts: Counts }[] = [];
  let total = NO_COUNTS;
  return {
    quotesLines: true,
    file(r) {
      if (r.findings.length === 0) return '';
      const out: string[] = [];
      for (const f of r.findings) {
        const severity = f.severity === 'error' ? paint.red('error') : f.severity === 'warning' ? paint.yellow('warning') : paint.cyan('info');
        out.push(`${paint.underline(r.display)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${severity} ${paint.dim(f.ruleId)} ${f.message}`);
        for (const l of codeFrame(r.lines, f, paint)) out.push(l);
        out.push('');
        const counts = countFindings([f]);
        const tally = byRule.get(f.ruleId);
        if (tally) {
          tally.count++;
          tally.severities.add(f.severity);
          tally.counts = addCounts(tally.counts, counts);
        } else byRule.set(f.ruleId, { count: 1, severities: new Set([f.severity]), counts });
      }
      const counts = countFindings(r.findings);
      files.push({ display: r.display, count: r.findings.length, counts });
      total = addCounts(total, counts);
      return lines(out);
    },
    end() {
      const c = total;
      const n = c.errors + c.warnings + c.infos;
      if (n === 0) return '';
      const out = breakdown(byRule, files, paint);
      const summary = `${n === 1 ? '1 problem' : `${n} problems`} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}) in ${plural(files.length, 'file')}`;
      out.push((c.errors > 0 ? paint.red : paint.yellow)(paint.bold(`✖ ${summary}`)));
      if (c.fixable > 0) out.push(paint.dim(`  ${c.fixable} of them can be fixed with \`strategy lint --fix\`.`));
      return lines(out);
    },
  };
}
