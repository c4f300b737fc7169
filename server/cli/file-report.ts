/**
 * What a linted file contributes to a lint run, whichever thread linted it:
 * its findings as the run reports them (recorded bulk suppressions applied,
 * `--quiet` keeping only errors), their counts, and its part of the output.
 * Pure and given plain data, so that a worker thread makes the same report
 * as the main thread would.
 */
import type { Position } from '../../grammar/ast.js';
import type { LintSettings } from '../analysis/engine.js';
import type { SeveritySetting } from '../rules/rule.js';
import { reportedFindings, type Suppressions } from './bulk-suppressions.js';
import type { FilePart, Formatter } from './formatters/index.js';
import { countFindings, type Counts, type FileResult } from './lint-result.js';

/** Where a finding about the file as a whole (a stale recorded suppression) stands. */
const FILE_START: Position = { line: 0, character: 0, offset: 0 };

export interface FileReport {
  /** The reported findings counted (before `--quiet`, which hides warnings but does not forgive them). */
  readonly counts: Counts;
  readonly part: FilePart;
}

/** The suppressions file as one file's report needs it. */
export interface RecordedFor {
  readonly suppressions: Suppressions;
  readonly key: string;
  /** The suppressions file as messages name it. */
  readonly shown: string;
  readonly unusedSeverity: SeveritySetting;
}

export function reportFile(formatter: Formatter<FilePart>, file: FileResult, recorded: RecordedFor, quiet: boolean): FileReport {
  const findings = reportedFindings(recorded.suppressions, recorded.key, file.findings, recorded.unusedSeverity, recorded.shown, FILE_START);
  return { counts: countFindings(findings), part: formatter.part({ ...file, findings: quiet ? findings.filter((f) => f.severity === 'error') : findings }) };
}

/** The severity of a stale recorded suppression in a file with these settings. */
export function unusedSuppressionSeverity(settings: LintSettings): SeveritySetting {
  return settings.severities.get('unused-suppression') ?? 'warning';
}
