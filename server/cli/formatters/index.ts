/** The output formats of `strategy lint`, by name. */
import type { FileResult } from '../lint-result.js';
import { colours, noColours } from './colour.js';
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

/** Plain data (a worker thread is started with it and makes the same formatter). */
export interface FormatOptions {
  readonly cwd: string;
  readonly version: string;
  /** ANSI colour in the output. */
  readonly colour: boolean;
}

/**
 * An output format, fed one file at a time as each is linted, so that a run
 * holds no file's findings after they are written (issue 12: a workspace of
 * a thousand files in bounded memory).
 *
 * A file's share of the output (`part`) is made from that file alone and is
 * plain data, so that when a run lints on worker threads each worker makes
 * its files' parts and only text and tallies come back, not findings
 * (copying the findings to the main thread and formatting them there cost
 * as much as a worker's linting). `join` puts the parts together in the
 * files' order; what a format can only say at the end (summaries, totals,
 * SARIF's and JUnit's enclosing counts) comes from `end`, built from what the
 * parts carried.
 */
export interface Formatter<Part> {
  /** One file's share of the output. */
  part(result: FileResult): Part;
  /** A joiner for one run. */
  join(): PartJoiner<Part>;
}

export interface PartJoiner<Part> {
  /** The output for one file's part, in order (may be empty when the format writes everything at the end). */
  add(part: Part): string;
  /** What closes the output. */
  end(): string;
}

/** A part as it travels between threads: only the formatter that made it reads it. */
export type FilePart = unknown;

/**
 * `format`'s formatter, its parts opaque: a part comes back from a worker as
 * plain data, and only a formatter made with the same name and options is
 * given it (the one cast, here).
 */
export function createFormatter(format: OutputFormat, options: FormatOptions): Formatter<FilePart> {
  const erase = <P>(f: Formatter<P>): Formatter<FilePart> => ({
    part: (r) => f.part(r),
    join: () => {
      const joiner = f.join();
      return { add: (p) => joiner.add(p as P), end: () => joiner.end() };
    },
  });
  switch (format) {
    case 'stylish':
      return erase(stylishFormatter(options.colour ? colours : noColours));
    case 'json':
      return erase(jsonFormatter());
    case 'sarif':
      return erase(sarifFormatter(options.cwd, options.version));
    case 'github':
      return erase(githubFormatter());
    case 'junit':
      return erase(junitFormatter());
  }
}
