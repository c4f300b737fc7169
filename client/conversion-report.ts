/**
 * How a conversion report reads in the editor: a one-line summary for the
 * notification and a Markdown page with the detail. Pure, so the wording is
 * tested without an editor.
 */
import { basename } from 'node:path';
import type { ConversionReport } from './converter-api.js';

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A construct count as words: the converter names its counts in the plural
 * (`priorities`, `nationalAims`), so `4 priorities`, `18 national aims`, `1 priority`.
 */
function constructCount(n: number, key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  const label = n !== 1 ? words : words.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
  return `${n.toLocaleString('en-GB')} ${label}`;
}

function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toLocaleString('en-GB')}%`;
}

/** The constructs worth a glance, in the order a reader of a strategy cares about them. */
const HEADLINE = ['priorities', 'actions', 'commitments', 'aims', 'nationalAims', 'outcomes', 'measures', 'targets'];

/** The structure found, for the one-line summary: the headline constructs present, else the biggest counts. */
function headlineCounts(counts: Readonly<Record<string, number>>, max: number): string[] {
  const present = Object.entries(counts).filter(([, n]) => n > 0);
  const headline = HEADLINE.flatMap((k) => present.filter(([key]) => key === k));
  const chosen = headline.length > 0 ? headline : present.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return chosen.slice(0, max).map(([kind, n]) => constructCount(n, kind));
}

export function reportSummary(report: ConversionReport): string {
  const counts = headlineCounts(report.counts, 4);
  const parts = [`Converted ${basename(report.input)} to a ${report.documentKind}`];
  if (counts.length > 0) parts[0] += ` (${counts.join(', ')})`;
  parts.push(`${percent(report.coverage.ratio)} of its words placed`);
  if (report.unplaced.length > 0) parts.push(`${count(report.unplaced.length, 'passage')} left to place by hand`);
  return `${parts.join('; ')}.`;
}

/** Markdown table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function reportMarkdown(report: ConversionReport): string {
  const out: string[] = [`# Conversion report: ${basename(report.input)}`, ''];
  out.push(`- Source: \`${report.input}\``);
  if (report.output) out.push(`- Result: \`${report.output}\``);
  out.push(`- Document kind: ${report.documentKind}`);
  out.push(
    `- Coverage: ${percent(report.coverage.ratio)} (${count(report.coverage.coveredWords, 'word')} of the source's ${count(report.coverage.sourceWords, 'word')} are in the result in their order; ${percent(report.coverage.anyOrder)} in any order)`,
    ...report.coverage.missing.slice(0, 5).map((m) => `- Not kept in order: "${m}"`),
    ...(report.warnings ?? []).map((w) => `- Warning: ${w}`),
  );
  out.push('', '## What was found', '', '| Construct | Count |', '|---|---:|');
  for (const [kind, n] of Object.entries(report.counts).sort((a, b) => a[0].localeCompare(b[0]))) out.push(`| ${cell(kind)} | ${n} |`);
  out.push('', `## Text not placed (${report.unplaced.length})`, '');
  if (report.unplaced.length === 0) {
    out.push('Every passage of the source found a place in the result.');
  } else {
    out.push('These passages are not in the result: place them by hand or leave them out on purpose.', '');
    for (const u of report.unplaced) out.push(`- ${u.line === undefined ? '' : `line ${u.line}: `}${cell(u.text)}`);
  }
  return `${out.join('\n')}\n`;
}
