/** The output formats of `strategy lint`, by name. */
import type { FileResult } from '../lint-result.js';
import type { Paint } from './colour.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

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

export function formatResults(format: OutputFormat, results: readonly FileResult[], options: FormatOptions): string {
  switch (format) {
    case 'stylish':
      return formatStylish(results, options.paint);
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options.cwd, options.version);
    case 'github':
      return formatGithub(results);
    case 'junit':
      return formatJunit(results);
  }
}
