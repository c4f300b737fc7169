/**
 * The default output: one line per finding in the `file:line:col: severity
 * rule-id message` form editors and problem matchers read, a code frame
 * under it, and a summary.
 */
import type { Finding, Severity } from '../../rules/rule.js';
import { LineIndex } from '../../../grammar/positions.js';
import { addCounts, countFindings, type Counts } from '../lint-result.js';
import type { Formatter } from './index.js';
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
  readonly severities: Set<Severity>;
  counts: Counts;
}

/** One file's lines, and what the summary needs from it: its findings counted, in all and per rule. */
interface FileBlock {
  readonly text: string;
  readonly display: string;
  readonly count: number;
  readonly counts: Counts;
  /** Per rule: how many, of which severities (plain data: a worker thread makes the block). */
  readonly rules: readonly { readonly ruleId: string; readonly count: number; readonly severities: readonly Severity[]; readonly counts: Counts }[];
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

export function stylishFormatter(paint: Paint): Formatter<FileBlock> {
  return {
    part(r) {
      const out: string[] = [];
      const byRule = new Map<string, RuleTally>();
      for (const f of r.findings) {
        const severity = f.severity === 'error' ? paint.red('error') : f.severity === 'warning' ? paint.yellow('warning') : paint.cyan('info');
        out.push(`${paint.underline(r.display)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${severity} ${paint.dim(f.ruleId)} ${f.message}`);
        for (const l of codeFrame(r.lines, f, paint)) out.push(l);
        out.push('');
        addToTally(byRule, f.ruleId, 1, [f.severity], countFindings([f]));
      }
      const rules = [...byRule].map(([ruleId, t]) => ({ ruleId, count: t.count, severities: [...t.severities], counts: t.counts }));
      return { text: lines(out), display: r.display, count: r.findings.length, counts: countFindings(r.findings), rules };
    },
    join() {
      const byRule = new Map<string, RuleTally>();
      const files: { display: string; count: number; counts: Counts }[] = [];
      let total = NO_COUNTS;
      return {
        add(block) {
          if (block.count === 0) return '';
          for (const r of block.rules) addToTally(byRule, r.ruleId, r.count, r.severities, r.counts);
          files.push({ display: block.display, count: block.count, counts: block.counts });
          total = addCounts(total, block.counts);
          return block.text;
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
    },
  };
}

function addToTally(byRule: Map<string, RuleTally>, ruleId: string, count: number, severities: readonly Severity[], counts: Counts): void {
  const tally = byRule.get(ruleId);
  if (!tally) {
    byRule.set(ruleId, { count, severities: new Set(severities), counts });
    return;
  }
  tally.count += count;
  for (const s of severities) tally.severities.add(s);
  tally.counts = addCounts(tally.counts, counts);
}
