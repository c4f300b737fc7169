/** `strategy lint`: the reviewers' and CI's command. */
import { resolve } from 'node:path';
import { closestWord } from '../../../grammar/spelling.js';
import { lintDocument, type LintSettings } from '../../analysis/engine.js';
import type { AnalysedDocument } from '../../analysis/document-model.js';
import type { Workspace } from '../../analysis/workspace.js';
import { SEVERITY_SETTINGS } from '../../config/config-schema.js';
import { RULE_IDS } from '../../rules/registry.js';
import type { Finding, SeveritySetting } from '../../rules/rule.js';
import { applySafeFixes, MAX_FIX_PASSES } from '../../analysis/fixes.js';
import { prune, record, suppressionKey, writeSuppressions } from '../bulk-suppressions.js';
import { displayPath, expandPaths } from '../files.js';
import { printConfig } from '../print-config.js';
import { wantsColour } from '../formatters/colour.js';
import { createFormatter, isOutputFormat, OUTPUT_FORMATS, type FormatOptions, type OutputFormat } from '../formatters/index.js';
import { reportFile, unusedSuppressionSeverity, type FileReport } from '../file-report.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { addCounts, type Counts } from '../lint-result.js';
import { openOutput, type ReportOutput } from '../report-output.js';
import { describeInternalError, documentFor, loadProject, release, UnreadableFileError, type LoadedProject } from '../project.js';
import { debugConfigs, loadSessionProject, openLintSession, readSessionSuppressions, type SessionArgs } from '../lint-session.js';
import { concurrencyOption, lintProjectInWorkers, workerCount, type LintTask } from '../lint-workers.js';
import { LineIndex } from '../../../grammar/positions.js';
import { writeFileAtomic } from '../atomic-write.js';
import { encodeText, type TextShape } from '../../analysis/text-file.js';
import { unifiedDiff } from '../diff.js';

export interface LintArgs {
  readonly paths: readonly string[];
  readonly format: string;
  readonly maxWarnings?: string;
  readonly quiet: boolean;
  readonly config?: string;
  readonly rule: readonly string[];
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly stdin: boolean;
  readonly stdinFilename?: string;
  readonly outputFile?: string;
  readonly suppressAll: boolean;
  readonly suppressRule: readonly string[];
  readonly pruneSuppressions: boolean;
  readonly suppressionsLocation?: string;
  /** `--ignore-pattern`: .gitignore-style patterns relative to the working folder. */
  readonly ignorePatterns?: readonly string[];
  /** `--no-ignore`: no ignore files, no config `ignore`, no `--ignore-pattern`. */
  readonly noIgnore?: boolean;
  /** `--print-config FILE`. */
  readonly printConfig?: string;
  readonly debug?: boolean;
  /** `--color` (true) or `--no-color` (false); undefined: decide from the terminal and the environment. */
  readonly colour?: boolean;
  /** `--concurrency`: worker threads (a number), `auto`, or `off` (the default, as ESLint's: threads pay only with idle cores and cost memory each). */
  readonly concurrency?: string;
  readonly version: string;
}

/** A file linted, by whichever thread: the text its findings refer to (after fixes) and the text it had. */
interface LintedFile {
  readonly path: string;
  readonly original: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
}

export function parseRuleOverride(text: string): [string, SeveritySetting] {
  const m = /^([a-z-]+)\s*[=:]\s*([a-z]+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--rule takes id=severity, as in --rule missing-baseline=off; got "${text}"`);
  const [, id, severity] = m as unknown as [string, string, string];
  if (!RULE_IDS.includes(id)) {
    const near = closestWord(id, RULE_IDS);
    throw new UsageError(`--rule: unknown rule "${id}"${near ? ` (did you mean ${near}?)` : ''}. Run \`strategy rules\` for the list.`);
  }
  if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
    throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}; got "${severity}"`);
  }
  return [id, severity as SeveritySetting];
}

/**
 * Applies safe fixes until none apply (or a pass limit), re-analysing after
 * each pass; returns the final document with its findings (the last pass's
 * lint, not a second one).
 */
function fixToStability(workspace: Workspace, doc: AnalysedDocument, settings: LintSettings): { doc: AnalysedDocument; findings: readonly Finding[] } {
  let current = doc;
  let findings = lintDocument(current, workspace, settings).findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const text = applySafeFixes(current.text, findings);
    if (text === current.text) break;
    current = workspace.set(current.uri, text, current.version + 1);
    findings = lintDocument(current, workspace, settings).findings;
  }
  return { doc: current, findings };
}

export async function lintCommand(args: LintArgs, io: CliIo): Promise<number> {
  const format = args.format;
  if (!isOutputFormat(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got "${format}"`);
  let maxWarnings: number | undefined;
  if (args.maxWarnings !== undefined) {
    maxWarnings = Number(args.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number; got "${args.maxWarnings}"`);
    if (maxWarnings === -1) maxWarnings = undefined;
  }
  const overrides = args.rule.map(parseRuleOverride);
  for (const r of args.suppressRule) {
    if (!RULE_IDS.includes(r)) throw new UsageError(`--suppress-rule: unknown rule "${r}"`);
  }
  if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError('--stdin-filename only makes sense with --stdin');

  const concurrency = concurrencyOption(args.concurrency);

  const sessionArgs: SessionArgs = { paths: args.paths, ...(args.config !== undefined ? { config: args.config } : {}), overrides, ...(args.ignorePatterns ? { ignorePatterns: args.ignorePatterns } : {}), noIgnore: Boolean(args.noIgnore), debug: Boolean(args.debug) };
  const session = openLintSession(sessionArgs, io);
  if ('exit' in session) return session.exit;
  const { resolver, settingsFor, frameworkPathsOf, ignoreOptions, inputs } = session;
  const show = session.show;
  if (args.printConfig !== undefined) {
    const file = resolve(io.cwd, args.printConfig);
    const config = resolver.forFile(file);
    io.stdout(printConfig(config, overrides, show));
    return session.reportConfigProblems() ? EXIT.usage : EXIT.ok;
  }

  let hadPathProblems = false;
  const reportPathProblem = (path: string, message: string): void => {
    hadPathProblems = true;
    io.stderr(`${path}: ${message}\n`);
  };

  let targets: string[];
  let workspace: Workspace;
  let project: LoadedProject | undefined;
  let shapes: ReadonlyMap<string, TextShape> = new Map();
  const defaultInputs = inputs.length > 0 ? inputs : ['.'];
  if (args.stdin) {
    const text = await io.readStdin();
    const name = resolve(io.cwd, args.stdinFilename ?? '<stdin>.strategy');
    const context = inputs.length > 0 ? expandPaths(inputs, io.cwd, ignoreOptions) : { files: [], problems: [] };
    context.problems.forEach((p) => reportPathProblem(p.path, p.message));
    const contextProject = loadProject(context.files, frameworkPathsOf([...context.files, name]), io.cwd, ignoreOptions);
    contextProject.problems.forEach((p) => reportPathProblem(p.path, p.message));
    workspace = contextProject.workspace;
    targets = [];
    try {
      workspace.set(name, text.replace(/^\ufeff/, ''));
      targets.push(name);
    } catch (e) {
      reportPathProblem(args.stdinFilename ?? '<stdin>', describeInternalError(e));
    }
  } else {
    project = loadSessionProject(session, io.cwd, reportPathProblem).project;
    workspace = project.workspace;
    targets = project.targets;
    shapes = project.shapes;
    if (targets.length === 0 && !hadPathProblems) {
      session.reportConfigProblems();
      io.stderr(`No .strategy files found in ${defaultInputs.join(', ')}.\n`);
      return EXIT.usage;
    }
  }
  debugConfigs(session, targets);
  const hadConfigProblems = session.reportConfigProblems();

  const recorded = readSessionSuppressions(session, args.suppressionsLocation, io);
  if ('exit' in recorded) return recorded.exit;
  const { file: suppressionsFile, shown: suppressionsShown, suppressions } = recorded;
  const recording = args.suppressAll || args.suppressRule.length > 0;

  const formatOptions: FormatOptions = { cwd: io.cwd, version: args.version, colour: !args.outputFile && wantsColour(io.stdoutIsTTY, io.env, args.colour) };
  const formatter = createFormatter(format as OutputFormat, formatOptions);
  // A dry run's diffs come before the findings, so its output is held until the end; otherwise each file's is written as it is linted.
  const diffsFirst = format === 'stylish' && (args.fixDryRun || (args.fix && args.stdin));
  let output: ReportOutput;
  try {
    output = openOutput(args.outputFile, io, diffsFirst);
  } catch (e) {
    io.stderr(`${args.outputFile}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return EXIT.usage;
  }

  const write = (path: string, text: string): boolean => {
    try {
      writeFileAtomic(path, text);
      return true;
    } catch (e) {
      reportPathProblem(displayPath(path, io.cwd), `cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)}); the file is unchanged`);
      return false;
    }
  };
  const diffs: string[] = [];
  let counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  const joiner = formatter.join();
  const deliver = (r: FileReport): void => {
    counts = addCounts(counts, r.counts);
    output.write(joiner.add(r.part));
  };
  /** What is done on the main thread with a file it linted: suppressions recorded, fixes written, its report. */
  const report = (linted: LintedFile): void => {
    const { path } = linted;
    const key = suppressionKey(suppressionsFile, path);
    if (recording) record(suppressions, key, linted.findings, args.suppressAll ? undefined : new Set(args.suppressRule));
    if (args.pruneSuppressions) prune(suppressions, key, linted.findings);
    const changed = linted.text !== linted.original;
    if (changed && args.fix && !args.stdin) write(path, encodeText(linted.text, shapes.get(path) ?? { bom: false, eol: '\n' }));
    if (changed && (args.fixDryRun || args.stdin)) diffs.push(unifiedDiff(displayPath(path, io.cwd), linted.original, linted.text));
    const file = {
      path,
      display: args.stdin && !args.stdinFilename ? '<stdin>' : displayPath(path, io.cwd),
      text: linted.text,
      lines: linted.lines,
      findings: linted.findings,
      ...(changed && (args.fixDryRun || args.stdin) ? { output: linted.text } : {}),
    };
    deliver(reportFile(formatter, file, { suppressions, key, shown: suppressionsShown, unusedSeverity: unusedSuppressionSeverity(settingsFor(path)) }, args.quiet));
  };
  // Fixes stay on one thread (a fixed framework file changes what the files after it are checked against), and so does recording suppressions (one record, written as files go).
  const workers = project && !args.fix && !args.fixDryRun && !recording && !args.pruneSuppressions ? workerCount(concurrency, targets.length) : 0;
  session.debug?.(workers > 0 ? `linting on ${workers} worker threads` : 'linting on the main thread');
  try {
    if (project && workers > 0) {
      const recordedFor = (path: string): LintTask['recorded'] => {
        const key = suppressionKey(suppressionsFile, path);
        const entries = suppressions.files[key];
        return entries ? { key, entries } : undefined;
      };
      const context = { cwd: io.cwd, session: sessionArgs, format: format as OutputFormat, formatOptions, quiet: args.quiet, suppressionsShown };
      await lintProjectInWorkers(project, workers, context, recordedFor, settingsFor, (outcome) => {
        if ('problem' in outcome) reportPathProblem(displayPath(outcome.path, io.cwd), outcome.problem);
        else deliver(outcome.report);
      });
    } else {
      // Streaming: a target that declares no framework is parsed here, linted, reported and let go; only counts are kept.
      for (const path of targets) {
        let original: AnalysedDocument | undefined;
        let linted: { doc: AnalysedDocument; findings: readonly Finding[] };
        try {
          const settings = settingsFor(path);
          original = (project ? documentFor(project, path) : workspace.get(path))!;
          linted = args.fix || args.fixDryRun ? fixToStability(workspace, original, settings) : { doc: original, findings: lintDocument(original, workspace, settings).findings };
        } catch (e) {
          // One file's fault is that file's error: the others are still linted.
          reportPathProblem(displayPath(path, io.cwd), e instanceof UnreadableFileError ? e.message : describeInternalError(e));
          if (original && workspace.get(path) !== original) workspace.set(path, original.text, original.version);
          if (project) release(project, path);
          continue;
        }
        if (project) release(project, path);
        report({ path, original: original.text, text: linted.doc.text, lines: linted.doc.parsed.lines, findings: linted.findings });
      }
    }
    output.write(joiner.end());
  } catch (e) {
    output.abort();
    throw e;
  }

  if (recording || args.pruneSuppressions) {
    try {
      writeSuppressions(suppressionsFile, suppressions);
      io.stderr(`Recorded known findings in ${suppressionsShown}.\n`);
    } catch (e) {
      reportPathProblem(suppressionsShown, `cannot write the suppressions file (${(e as NodeJS.ErrnoException).code ?? String(e)}); it is unchanged`);
    }
  }

  try {
    output.close(diffsFirst && diffs.length > 0 ? `${diffs.join('\n')}\n` : '');
  } catch (e) {
    io.stderr(`${args.outputFile}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return EXIT.usage;
  }

  if (hadPathProblems || hadConfigProblems) return EXIT.usage;
  if (counts.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    io.stderr(`strategy lint found ${counts.warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
