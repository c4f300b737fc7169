/**
 * Where a lint run's output goes while it is produced: standard output, in
 * pieces of about a megabyte, or the `-o` file, written atomically (the old
 * report stays whole until the new one is complete). With `hold`, nothing is
 * written before `close`, which puts what it is given first (a dry run's
 * diffs come before its findings).
 */
import { dirname, resolve } from 'node:path';
import { AtomicFileWriter } from './atomic-write.js';
import { makeFolders } from './make-folders.js';
import type { CliIo } from './io.js';

export interface ReportOutput {
  write(text: string): void;
  /** Writes `first` before everything held, flushes, and puts the file in place; throws what made a write fail. */
  close(first: string): void;
  /** Leaves an `-o` file as it was. */
  abort(): void;
}

/** How much output is gathered before one write: fewer, larger writes, a bounded buffer. */
const FLUSH_AT = 1 << 20;

export function openOutput(outputFile: string | undefined, io: CliIo, hold: boolean): ReportOutput {
  let file: AtomicFileWriter | undefined;
  if (outputFile !== undefined) {
    const path = resolve(io.cwd, outputFile);
    // As ESLint does: the report's folder is created when it does not exist.
    makeFolders(dirname(path));
    file = AtomicFileWriter.open(path);
  }
  // A write that fails (a full disk) fails the report, not the run: the rest is linted, and `close` says why.
  let failure: unknown;
  const sink = (text: string): void => {
    if (text.length === 0 || failure !== undefined) return;
    if (!file) return io.stdout(text);
    try {
      file.write(text);
    } catch (e) {
      failure = e;
      file.abort();
    }
  };
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (): void => {
    if (pending.length > 0) sink(pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    write(text) {
      if (text.length === 0) return;
      pending.push(text);
      pendingLength += text.length;
      if (!hold && pendingLength >= FLUSH_AT) flush();
    },
    close(first) {
      if (hold) sink(first);
      flush();
      if (failure !== undefined) throw failure;
      file?.commit();
    },
    abort() {
      file?.abort();
    },
  };
}
