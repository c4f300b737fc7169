/**
 * `strategy report [paths…] -o report.html`: the reviewer's report, built
 * from exactly what `strategy lint` finds on the same files (same loading,
 * same settings, same suppressions), as one self-contained HTML page,
 * markdown for a pull-request comment, or the model as JSON.
 *
 * Exit codes: 0 the report was written (findings are the report's content,
 * not a failure); 2 bad usage, an unreadable file or a bad configuration
 * (the report of what could be read is still written), or a file that could
 * not be reported (its error is printed, the others are reported); 3 a fault
 * of the tool outside any one file (nothing is written).
 *
 * `--concurrency` reports on worker threads as `strategy lint` lints: each
 * document is linted, built and rendered where it is read, and the main
 * thread joins the parts in the targets' order (`report-workers.ts`); the
 * bytes are the same on any number of threads. `--format json` (the model,
 * one object of every document) is made on the main thread.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintDocument } from '../../analysis/engine.js';
import { ReportBuilder } from '../../report/build-report.js';
import type { DocumentReport } from '../../report/report-model.js';
import { streamedReport, type StreamedReport, type StreamOptions } from '../../report/streamed-report.js';
import { utf8Bytes } from '../../analysis/text-file.js';
import { AtomicFileWriter } from '../atomic-write.js';
import type { ExtraCommandArgs } from '../extra-commands.js';
import { reportedFindings, suppressionKey } from '../bulk-suppressions.js';
import { displayPath } from '../files.js';
import { unusedSuppressionSeverity } from '../file-report.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { debugConfigs, loadSessionProject, openLintSession, readSessionSuppressions, type LintSession, type SessionArgs } from '../lint-session.js';
import { concurrencyOption, workerCount, type LintTask } from '../lint-workers.js';
import { printConfig } from '../print-config.js';
import { describeInternalError, documentFor, release, UnreadableFileError, type LoadedProject } from '../project.js';
import { reportDocument, RULE_EXPLANATIONS, type ReportContext } from '../report-document.js';
import { reportProjectInWorkers, reportTask, taskReporter, type ReportOutcome } from '../report-workers.js';
import type { Suppressions } from '../bulk-suppressions.js';
import { parseRuleOverride } from './lint.js';
import pkg from '../../../package.json';

export const REPORT_FORMATS = ['html', 'markdown', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Marks a file this command wrote, so that a later run may replace it without `--force`. */
/** A report says what it is in its first bytes (the generator meta tag, the heading, the format version). */
const HEAD_BYTES = 4096;
const OWN_OUTPUT = [/<meta name="generator" content="strategy /, /^# Strategy report\n/, /^\{\s*"formatVersion"/];

function stringValue(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Whether `path` is a regular file that holds something other than a report this command wrote. */
function holdsOtherContent(path: string): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false; // nothing there
  }
  // `-o /dev/stdout`, a FIFO, a socket: written through, nothing is replaced (a folder fails to write, clearly).
  if (!stat.isFile()) return false;
  let head = '';
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      head = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return true; // unreadable: not known to be ours
  }
  return !OWN_OUTPUT.some((re) => re.test(head));
}

/** Standard output gets the report in pieces of about this many bytes. */
const STDOUT_PIECE = 1 << 20;

/** Writes a streamed report's pieces to standard output, gathered into pieces of about a megabyte (each piece is whole characters). */
function stdoutWriter(io: CliIo): { write: (piece: string | Buffer) => void; end: () => void } {
  let pending: Buffer[] = [];
  let size = 0;
  const end = (): void => {
    if (size > 0) io.stdout(Buffer.concat(pending, size).toString('utf8'));
    pending = [];
    size = 0;
  };
  return {
    write(piece) {
      const bytes = typeof piece === 'string' ? utf8Bytes(piece) : piece;
      pending.push(bytes);
      size += bytes.length;
      if (size >= STDOUT_PIECE) end();
    },
    end,
  };
}

/**
 * Writes the report to `target` atomically; returns what made a write fail
 * (the target is then as it was). A fault while rendering is not a write
 * failure: it is thrown, and the target is left as it was.
 */
function writeAtomically(target: string, writeTo: (write: (piece: string | Buffer) => void) => void): unknown {
  let file: AtomicFileWriter;
  try {
    file = AtomicFileWriter.open(target);
  } catch (e) {
    return e;
  }
  let failure: unknown;
  try {
    writeTo((piece) => {
      if (failure !== undefined) return;
      try {
        file.write(piece);
      } catch (e) {
        failure = e;
      }
    });
  } catch (e) {
    file.abort();
    throw e;
  }
  if (failure !== undefined) {
    file.abort();
    return failure;
  }
  try {
    file.commit();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** What reporting the targets needs beyond the project: the session, the recorded suppressions, the run's context. */
interface ReportRun {
  readonly project: LoadedProject;
  readonly session: LintSession;
  readonly suppressions: Suppressions;
  readonly suppressionsFile: string;
  readonly context: ReportContext;
}

/** Reports `paths` on the main thread, a document at a time, handing each outcome (with its model) to `deliver`. */
function reportHere(run: ReportRun, paths: readonly string[], streamed: StreamedReport, deliver: (outcome: ReportOutcome, model?: DocumentReport) => void): void {
  const { project, session } = run;
  for (const path of paths) {
    let model: DocumentReport | undefined;
    const recorded = { suppressions: run.suppressions, key: suppressionKey(run.suppressionsFile, path) };
    const outcome = reportTask(project.workspace, session.settingsFor, { path }, (doc, findings) => {
      const r = reportDocument(doc, findings, project.workspace, session.settingsFor(path), recorded, run.context, streamed, (f) => streamed.answered.viewCertain(f));
      model = r.model;
      return { contribution: r.contribution, part: r.part };
    });
    deliver(outcome, model);
  }
}

export async function reportCommand(args: ExtraCommandArgs, io: CliIo): Promise<number> {
  const v = args.values;
  const format = stringValue(v.format) ?? 'html';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${format}"`);
  const overrides = (Array.isArray(v.rule) ? v.rule : []).map(parseRuleOverride);
  const linkBase = stringValue(v['link-base']);
  const outputFile = stringValue(v['output-file']);
  const config = stringValue(v.config);
  const ignorePatterns = Array.isArray(v['ignore-pattern']) ? v['ignore-pattern'] : [];

  const concurrency = concurrencyOption(stringValue(v.concurrency));

  // Files, configs, settings and frameworks are chosen exactly as `strategy lint` chooses them.
  const sessionArgs: SessionArgs = { paths: args.paths, ...(config !== undefined ? { config } : {}), overrides, ignorePatterns, noIgnore: Boolean(v['no-ignore']), debug: Boolean(v.debug) };
  const session = openLintSession(sessionArgs, io);
  if ('exit' in session) return session.exit;
  const printConfigOf = stringValue(v['print-config']);
  if (printConfigOf !== undefined) {
    io.stdout(printConfig(session.resolver.forFile(resolve(io.cwd, printConfigOf)), overrides, session.show));
    return session.reportConfigProblems() ? EXIT.usage : EXIT.ok;
  }

  let hadPathProblems = false;
  const reportPathProblem = (path: string, message: string): void => {
    hadPathProblems = true;
    io.stderr(`${path}: ${message}\n`);
  };
  const { project, inputs } = loadSessionProject(session, io.cwd, reportPathProblem);
  if (project.targets.length === 0 && !hadPathProblems) {
    session.reportConfigProblems();
    io.stderr(`No .strategy files found in ${inputs.join(', ')}.\n`);
    return EXIT.usage;
  }
  debugConfigs(session, project.targets);
  const hadConfigProblems = session.reportConfigProblems();
  const target = outputFile ? resolve(io.cwd, outputFile) : undefined;
  if (target && (project.workspace.has(target) || project.deferred.has(target))) throw new UsageError(`-o ${outputFile} is one of the files being reported on`);
  if (target && !v.force && holdsOtherContent(target)) throw new UsageError(`${outputFile} exists and is not a report this command wrote; use --force to replace it`);

  const recorded = readSessionSuppressions(session, stringValue(v['suppressions-location']), io);
  if ('exit' in recorded) return recorded.exit;
  const { file: suppressionsFile, shown: suppressionsShown, suppressions } = recorded;
  const options = {
    // Each document is added with its own settings' catalogue; this one is only the default.
    catalogue: session.resolver.forDirectory(io.cwd).settings.catalogue,
    displayOf: (uri: string) => displayPath(uri, io.cwd),
    version: pkg.version,
  };
  let builder = new ReportBuilder(project.workspace, options, format === 'json');
  let stream: StreamedReport | undefined;
  if (format === 'json') {
    // The model is one object holding every document: it is made here, on one thread.
    session.debug?.('reporting on the main thread');
    for (const path of project.targets) {
      try {
        const settings = session.settingsFor(path);
        const doc = documentFor(project, path)!;
        const linted = lintDocument(doc, project.workspace, settings).findings;
        const findings = reportedFindings(suppressions, suppressionKey(suppressionsFile, path), linted, unusedSuppressionSeverity(settings), suppressionsShown, doc.parsed.lines.positionAt(0));
        builder.add({ doc, file: displayPath(path, io.cwd), findings }, settings.catalogue);
      } catch (e) {
        // One file's fault is that file's error: the others are still reported.
        reportPathProblem(displayPath(path, io.cwd), e instanceof UnreadableFileError ? e.message : describeInternalError(e));
      } finally {
        release(project, path);
      }
    }
  } else {
    // HTML and markdown stream, as lint does: each target is parsed (when deferred), linted, built and rendered into its part, and let go.
    const streamOptions: StreamOptions = { format: format === 'markdown' ? 'markdown' : 'html', ...(linkBase ? { linkBase } : {}) };
    const run: ReportRun = { project, session, suppressions, suppressionsFile, context: { cwd: io.cwd, version: pkg.version, suppressionsShown } };
    let reported: string | undefined;
    const join = (b: ReportBuilder, s: StreamedReport) => (outcome: ReportOutcome, model?: DocumentReport): void => {
      if ('problem' in outcome) {
        reportPathProblem(displayPath(outcome.path, io.cwd), outcome.problem);
        return;
      }
      b.contribute(outcome.report.contribution);
      s.add(outcome.report.part, model);
      reported = outcome.path;
    };
    stream = streamedReport(streamOptions, RULE_EXPLANATIONS);
    const workers = workerCount(concurrency, project.targets.length);
    session.debug?.(workers > 0 ? `reporting on ${workers} worker threads` : 'reporting on the main thread');
    if (workers > 0) {
      const recordedFor = (path: string): LintTask['recorded'] => {
        const key = suppressionKey(suppressionsFile, path);
        const entries = suppressions.files[key];
        return entries ? { key, entries } : undefined;
      };
      const streamed = stream;
      await reportProjectInWorkers(project, workers, { ...run.context, session: sessionArgs, stream: streamOptions }, recordedFor, () => streamed.answered.certain(), join(builder, streamed), taskReporter(project.workspace, session.settingsFor, run.context, streamOptions));
      if (stream.needsModel && reported !== undefined) {
        // A report of one document shows it unfolded, from its model, which stayed on its worker: it is reported again here.
        builder = new ReportBuilder(project.workspace, options, false);
        stream = streamedReport(streamOptions, RULE_EXPLANATIONS);
        reportHere(run, [reported], stream, join(builder, stream));
      }
    } else reportHere(run, project.targets, stream, join(builder, stream));
  }
  const frame = builder.frame();
  const writeTo = (write: (piece: string | Buffer) => void): void => {
    if (stream) stream.finish(frame, write);
    else write(`${JSON.stringify(builder.finish(), null, 2)}\n`);
  };
  if (target) {
    const failure = writeAtomically(target, writeTo);
    if (failure !== undefined) {
      io.stderr(`${outputFile}: cannot write (${(failure as NodeJS.ErrnoException).code ?? String(failure)})\n`);
      return EXIT.usage;
    }
    const t = frame.totals.findings;
    io.stderr(`Wrote ${displayPath(target, io.cwd)}: ${frame.totals.files} file${frame.totals.files === 1 ? '' : 's'}, ${t.errors + t.warnings + t.infos} findings.\n`);
  } else {
    const out = stdoutWriter(io);
    writeTo(out.write);
    out.end();
  }
  return hadPathProblems || hadConfigProblems ? EXIT.usage : EXIT.ok;
}
