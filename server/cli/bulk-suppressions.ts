/**
 * Bulk suppressions, as ESLint's: `strategy lint --suppress-all` records
 * today's findings per file, rule and message; later runs report only
 * findings beyond those, and say which recorded ones no longer occur, so an
 * old strategy can enter CI on day one and the record shrinks as it is fixed.
 *
 * Keyed by message rather than line, so that edits elsewhere in the file do
 * not resurrect suppressed findings.
 */
import { existsSync } from 'node:fs';
import { readBoundedTextFile } from '../analysis/text-file.js';
import { dirname, relative, resolve, sep } from 'node:path';
import * as z from 'zod/mini';
import '../../grammar/zod-messages.js';
import type { Position } from '../../grammar/index.js';
import type { Finding, SeveritySetting } from '../rules/rule.js';
import { SYNTAX_ERROR_ID } from '../rules/registry.js';
import { ConfigError, parseJsonWithPosition } from '../config/load-config.js';
import { writeFileAtomic } from './atomic-write.js';

const FileEntriesSchema = z.record(z.string(), z.record(z.string(), z.int().check(z.positive())));
export const SuppressionsSchema = z.strictObject({ version: z.literal(1), files: z.record(z.string(), FileEntriesSchema) });
export type Suppressions = z.infer<typeof SuppressionsSchema>;

/** A suppressions file is a few KB per file recorded; this bounds what a misnamed path can make the CLI read. */
const MAX_SUPPRESSIONS_BYTES = 32 * 1024 * 1024;

export function emptySuppressions(): Suppressions {
  return { version: 1, files: {} };
}

export function readSuppressions(file: string, shown: string): Suppressions {
  if (!existsSync(file)) return emptySuppressions();
  const read = readBoundedTextFile(file, MAX_SUPPRESSIONS_BYTES);
  if (!read.ok) throw new ConfigError(shown, `the suppressions file ${read.error}`);
  const text = read.text;
  const parsed = SuppressionsSchema.safeParse(parseJsonWithPosition(text, shown));
  if (!parsed.success) throw new ConfigError(shown, `not a suppressions file: ${parsed.error.issues[0]!.message} at \`${parsed.error.issues[0]!.path.join('.')}\``);
  return parsed.data;
}

export function writeSuppressions(file: string, s: Suppressions): void {
  const sortedFiles = Object.fromEntries(
    Object.keys(s.files)
      .sort()
      .map((f) => [f, Object.fromEntries(Object.keys(s.files[f]!).sort().map((r) => [r, sortRecord(s.files[f]![r]!)]))]),
  );
  writeFileAtomic(file, `${JSON.stringify({ version: 1, files: sortedFiles }, null, 2)}\n`);
}

function sortRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]!]));
}

export function suppressionKey(suppressionsFile: string, path: string): string {
  return relative(dirname(resolve(suppressionsFile)), path).split(sep).join('/');
}

/** Adds `findings` of one file to the record (replacing what it held for the rules concerned). */
export function record(s: Suppressions, key: string, findings: readonly Finding[], onlyRules?: ReadonlySet<string>): void {
  const entries: Record<string, Record<string, number>> = { ...(s.files[key] ?? {}) };
  if (onlyRules) for (const r of onlyRules) delete entries[r];
  else for (const r of Object.keys(entries)) delete entries[r];
  for (const f of findings) {
    if (f.ruleId === SYNTAX_ERROR_ID || (onlyRules && !onlyRules.has(f.ruleId))) continue;
    const byMessage = (entries[f.ruleId] ??= {});
    byMessage[f.message] = (byMessage[f.message] ?? 0) + 1;
  }
  if (Object.keys(entries).length > 0) s.files[key] = entries;
  else delete s.files[key];
}

export interface BulkOutcome {
  readonly kept: Finding[];
  readonly suppressedCount: number;
  /** Recorded findings that no longer occur: [rule, message, count]. */
  readonly stale: [string, string, number][];
}

export function filterBySuppressions(s: Suppressions, key: string, findings: readonly Finding[]): BulkOutcome {
  const entries = s.files[key];
  if (!entries) return { kept: [...findings], suppressedCount: 0, stale: [] };
  const remaining = new Map<string, number>();
  for (const [rule, messages] of Object.entries(entries)) for (const [m, n] of Object.entries(messages)) remaining.set(`${rule}\u0000${m}`, n);
  const kept: Finding[] = [];
  let suppressedCount = 0;
  for (const f of findings) {
    const k = `${f.ruleId}\u0000${f.message}`;
    const left = remaining.get(k) ?? 0;
    if (left > 0 && f.ruleId !== SYNTAX_ERROR_ID) {
      remaining.set(k, left - 1);
      suppressedCount++;
    } else kept.push(f);
  }
  const stale: [string, string, number][] = [];
  for (const [k, n] of remaining) {
    if (n === 0) continue;
    const [rule, message] = k.split('\u0000') as [string, string];
    stale.push([rule, message, n]);
  }
  return { kept, suppressedCount, stale };
}

/** Drops recorded entries that no longer occur (`--prune-suppressions`). */
export function prune(s: Suppressions, key: string, findings: readonly Finding[]): void {
  const entries = s.files[key];
  if (!entries) return;
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.ruleId}\u0000${f.message}`, (counts.get(`${f.ruleId}\u0000${f.message}`) ?? 0) + 1);
  for (const [rule, messages] of Object.entries(entries)) {
    for (const [m, n] of Object.entries(messages)) {
      const actual = counts.get(`${rule}\u0000${m}`) ?? 0;
      if (actual === 0) delete messages[m];
      else messages[m] = Math.min(n, actual);
    }
    if (Object.keys(messages).length === 0) delete entries[rule];
  }
  if (Object.keys(entries).length === 0) delete s.files[key];
}

/**
 * The findings a run reports for one file once the suppressions file has had
 * its say: recorded findings dropped, and one `unused-suppression` finding at
 * the top when recorded findings no longer occur. `strategy lint` and
 * `strategy report` both call this, so they count the same findings.
 */
export function reportedFindings(
  s: Suppressions,
  key: string,
  findings: readonly Finding[],
  unusedSeverity: SeveritySetting,
  suppressionsShown: string,
  start: Position,
): Finding[] {
  const bulk = filterBySuppressions(s, key, findings);
  const kept = [...bulk.kept];
  if (bulk.stale.length > 0 && unusedSeverity !== 'off') {
    const total = bulk.stale.reduce((n, [, , c]) => n + c, 0);
    const rules = [...new Set(bulk.stale.map(([r]) => r))].join(', ');
    kept.unshift({
      ruleId: 'unused-suppression',
      severity: unusedSeverity,
      message: `${total} finding${total === 1 ? '' : 's'} recorded in ${suppressionsShown} no longer occur${total === 1 ? 's' : ''} (${rules}): run \`strategy lint --prune-suppressions\`.`,
      range: { start, end: start },
    });
  }
  return kept;
}
