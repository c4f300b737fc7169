/** The output formats of `strategy lint`, by name. */
import type { FileResult } from '../lint-result.js';
import type { Paint } from './colour.js';
import { githubFormatter } from './github.js';
import { jsonFormatter } from './json.js';
import { junitFormatter } from './junit.js';
import { sarifFormatter } from './sarif.js';
import { stylishFormatter } from './stylish.js';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}

export interface FormatOptions {
  readonly cwd: string;
  readonly version: string;
  readonly paint: Paint;
}

/**
 * An output format, fed one file at a time as each is linted, so that a run
 * holds no file's findings after they are written (issue 12: a workspace of
 * a thousand files in bounded memory). What a format can only say at the end
 * (summaries, totals, SARIF's and JUnit's enclosing counts) comes from `end`,
 * built from what the format kept: counts, or the text it has already made.
 */
export interface ResultFormatter {
  /** The output for one file, in order (may be empty when the format writes everything at the end). */
  file(result: FileResult): string;
  /** What closes the output. */
  end(): string;
  /** Whether `file` quotes the file's lines (code frames, snippets): when not, a run need not keep the text for it. */
  readonly quotesLines: boolean;
}

export function createFormatter(format: OutputFormat, options: FormatOptions): ResultFormatter {
  switch (format) {
    case 'stylish':
      return stylishFormatter(options.paint);
    case 'json':
      return jsonFormatter();
    case 'sarif':
      return sarifFormatter(options.cwd, options.version);
    case 'github':
      return githubFormatter();
    case 'junit':
      return junitFormatter();
  }
}
