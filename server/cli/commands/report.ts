/**
 * `strategy report [paths…] -o report.html`: the reviewer's report, built
 * from exactly what `strategy lint` finds on the same files (same loading,
 * same settings, same suppressions), as one self-contained HTML page,
 * markdown for a pull-request comment, or the model as JSON.
 *
 * Exit codes: 0 the report was written (findings are the report's content,
 * not a failure); 2 bad usage, an unreadable file or a bad configuration
 * (the report of what could be read is still written).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintDocument } from '../../analysis/engine.js';
import { explanationOf, ReportBuilder } from '../../report/build-report.js';
import { HtmlReportStream, type RuleLookup } from '../../report/render-html.js';
import { MarkdownReportStream } from '../../report/render-markdown.js';
import { utf8Bytes } from '../../analysis/text-file.js';
import { AtomicFileWriter } from '../atomic-write.js';
import type { ExtraCommandArgs } from '../extra-commands.js';
import { reportedFindings, suppressionKey } from '../bulk-suppressions.js';
import { displayPath } from '../files.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { debugConfigs, loadSessionProject, openLintSession, readSessionSuppressions } from '../lint-session.js';
import { printConfig } from '../print-config.js';
import { describeInternalError, documentFor, release, UnreadableFileError } from '../project.js';
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

/** Rule explanations from the registry, as the report's rules section gives them. */
const RULE_EXPLANATIONS: RuleLookup = { get: explanationOf };

export async function reportCommand(args: ExtraCommandArgs, io: CliIo): Promise<number> {
  const v = args.values;
  const format = stringValue(v.format) ?? 'html';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${format}"`);
  const overrides = (Array.isArray(v.rule) ? v.rule : []).map(parseRuleOverride);
  const linkBase = stringValue(v['link-base']);
  const outputFile = stringValue(v['output-file']);
  const config = stringValue(v.config);
  const ignorePatterns = Array.isArray(v['ignore-pattern']) ? v['ignore-pattern'] : [];

  // Files, configs, settings and frameworks are chosen exactly as `strategy lint` chooses them.
  const session = openLintSession({ paths: args.paths, ...(config !== undefined ? { config } : {}), overrides, ignorePatterns, noIgnore: Boolean(v['no-ignore']), debug: Boolean(v.debug) }, io);
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
  const builder = new ReportBuilder(
    project.workspace,
    {
      // Each document is added with its own settings' catalogue; this one is only the default.
      catalogue: session.resolver.forDirectory(io.cwd).settings.catalogue,
      displayOf: (uri) => displayPath(uri, io.cwd),
      version: pkg.version,
    },
    format === 'json',
  );
  // HTML and markdown are rendered a document at a time, each document's model let go once rendered; JSON is the model.
  const stream =
    format === 'markdown'
      ? new MarkdownReportStream(linkBase ? { linkBase } : {}, RULE_EXPLANATIONS)
      : format === 'html'
        ? new HtmlReportStream({ links: linkBase ? { kind: 'base', base: linkBase } : { kind: 'text' } }, RULE_EXPLANATIONS)
        : undefined;
  // Streaming, as lint does: each target is parsed (when deferred), linted, summarised into the report and let go.
  for (const path of project.targets) {
    let documentReport: ReturnType<typeof builder.add> | undefined;
    try {
      const settings = session.settingsFor(path);
      const doc = documentFor(project, path)!;
      const linted = lintDocument(doc, project.workspace, settings).findings;
      const unusedSeverity = settings.severities.get('unused-suppression') ?? 'warning';
      const findings = reportedFindings(suppressions, suppressionKey(suppressionsFile, path), linted, unusedSeverity, suppressionsShown, doc.parsed.lines.positionAt(0));
      documentReport = builder.add({ doc, file: displayPath(path, io.cwd), findings }, settings.catalogue);
    } catch (e) {
      // One file's fault is that file's error: the others are still reported.
      reportPathProblem(displayPath(path, io.cwd), e instanceof UnreadableFileError ? e.message : describeInternalError(e));
    } finally {
      release(project, path);
    }
    // Outside the file's own fault: a document counted in the totals and the index but not rendered would make a
    // report whose index links to nothing, so a fault in rendering is the run's (exit 3), not this file's.
    if (documentReport) stream?.add(documentReport);
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
