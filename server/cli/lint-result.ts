/** What a lint run produces per file: the input of every output format. */
import type { LineIndex } from '../../grammar/positions.js';
import type { Finding, Severity } from '../rules/rule.js';

export interface FileResult {
  /** Absolute path (or the `--stdin-filename`). */
  readonly path: string;
  /** As shown to the user: relative to the working folder, with `/`. */
  readonly display: string;
  /** The text the findings refer to (after fixes, when fixes were applied). */
  readonly text: string;
  /** Its lines, as the parse counted them (the formats quote lines from it). */
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
  /** The fixed text, when `--fix` or `--fix-dry-run` changed it. */
  readonly output?: string;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly fixable: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
    if (f.fix) fixable++;
  }
  return { errors, warnings, infos, fixable };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos, fixable: a.fixable + b.fixable };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
