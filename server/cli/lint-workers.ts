/**
 * `strategy lint` on several cores. Worker threads each hold the frameworks
 * the targets may name, lint the targets handed to them and make each file's
 * report (its counts and its part of the output, `file-report.ts`); the main
 * thread puts the reports in the targets' order and writes them, exactly as a
 * run on one thread does. Parsing, linting and formatting are per file, so
 * they divide across cores (issue 12); only text and counts come back, since
 * copying findings to the main thread and formatting them there cost as much
 * as a worker's linting.
 *
 * This module is also the workers' entry point: a worker runs this file (the
 * bundle, when bundled) and serves tasks when it finds its role in
 * `workerData`.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintDocument, type LintSettings } from '../analysis/engine.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { Workspace } from '../analysis/workspace.js';
import type { Finding } from '../rules/rule.js';
import type { Suppressions } from './bulk-suppressions.js';
import { displayPath } from './files.js';
import { reportFile, unusedSuppressionSeverity, type FileReport } from './file-report.js';
import { createFormatter, type FormatOptions, type OutputFormat } from './formatters/index.js';
import { UsageError, type CliIo } from './io.js';
import { openLintSession, type LintSession, type SessionArgs } from './lint-session.js';
import { describeInternalError, readTextFile, type LoadedProject } from './project.js';
import { runInWorkers } from './worker-pool.js';

const ROLE = 'strategy-lint-worker';
/** The report's workers (`report-workers.ts`) start here too: in the bundle, the report command is loaded on use, not at the start. */
export const REPORT_WORKER_ROLE = 'strategy-report-worker';
/** The workers' script: this module, or the bundle holding it. */
export const WORKER_ENTRY = __filename;

/** What each worker is started with. */
export interface WorkerSetup {
  readonly cwd: string;
  readonly session: SessionArgs;
  /** The files that declare a framework, as the main thread read them: every worker resolves against the same texts. */
  readonly frameworks: readonly { readonly path: string; readonly text: string }[];
  /** How each file is reported: the format (each worker makes the same formatter), `--quiet`, the suppressions file as messages name it. */
  readonly format: OutputFormat;
  readonly formatOptions: FormatOptions;
  readonly quiet: boolean;
  readonly suppressionsShown: string;
}

/** One target to lint; `text` when the main thread already holds it (a file it parsed), else the worker reads the file. */
export interface LintTask {
  readonly path: string;
  readonly text?: string;
  /** What the suppressions file records for this file, under its key there. */
  readonly recorded?: { readonly key: string; readonly entries: Suppressions['files'][string] };
}

/** A target's report, or the problem that stopped it (unreadable, an internal error). */
export type LintOutcome = { readonly path: string; readonly report: FileReport } | { readonly path: string; readonly problem: string };

/** Makes a linted file's report, on whichever thread linted it. */
export type ReportMaker = (task: LintTask, doc: AnalysedDocument, findings: readonly Finding[]) => FileReport;

type Envelope = { readonly index: number; readonly outcome: LintOutcome };
/** A worker's messages: it is ready (set up, frameworks parsed), or a task's outcome. */
type WorkerMessage = { readonly ready: true } | Envelope;

/** How many files a worker should have before starting one pays for itself (a worker's start is worth about that many average files). */
const FILES_PER_WORKER = 24;
/** The most workers `auto` starts: beyond this, output and the main thread's reading bound the run. */
const MAX_AUTO_WORKERS = 4;

/** `--concurrency`: a number of workers, `auto`, or `off` (one thread). */
export type Concurrency = number | 'auto' | 'off';

/** `--concurrency`'s value, or undefined when it is none of the accepted forms. */
export function parseConcurrency(text: string): Concurrency | undefined {
  if (text === 'auto' || text === 'off') return text;
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 256 ? n : undefined;
}

/** The `--concurrency` option's value (`off` when not given); a usage error names what was given otherwise. Lint and the report read it alike. */
export function concurrencyOption(text: string | undefined): Concurrency {
  const concurrency = parseConcurrency(text ?? 'off');
  if (concurrency === undefined) throw new UsageError(`--concurrency takes a number of threads (1 to 256), auto or off; got "${text}"`);
  return concurrency;
}

/** How many workers to start for `targets` files (0: lint on the main thread). */
export function workerCount(concurrency: Concurrency, targets: number, cores: number = availableParallelism()): number {
  if (concurrency === 'off') return 0;
  const wanted = concurrency === 'auto' ? Math.min(cores, MAX_AUTO_WORKERS, Math.floor(targets / FILES_PER_WORKER)) : concurrency;
  const n = Math.min(wanted, targets);
  // One worker would only move the work to another thread.
  return n >= 2 ? n : 0;
}

/**
 * Lints `tasks` on `workers` threads and hands each outcome to `deliver` in
 * the tasks' order. A worker that dies takes only its current file with it
 * (reported as that file's internal error); its other tasks go to the
 * remaining workers, or to `lintHere` when none remains.
 */
export async function lintInWorkers(
  setup: WorkerSetup,
  tasks: readonly LintTask[],
  workers: number,
  deliver: (outcome: LintOutcome) => void,
  lintHere: (task: LintTask) => LintOutcome,
  /** The workers' script: this module (or the bundle holding it); another only in tests of the pool. */
  script: string = __filename,
): Promise<void> {
  return runInWorkers<LintTask, LintOutcome>({
    script,
    workerData: { role: ROLE, setup },
    name: 'lint worker',
    workers,
    tasks: tasks.length,
    taskAt: (index) => tasks[index]!,
    deliver,
    runHere: (index) => lintHere(tasks[index]!),
    lost: (index, reason) => ({ path: tasks[index]!.path, problem: describeInternalError(reason) }),
  });
}

/** The framework files a loaded project holds, as every worker is given them (each resolves against the same texts). */
export function heldFrameworks(project: LoadedProject): WorkerSetup['frameworks'] {
  return project.workspace
    .all()
    .filter((d) => d.frameworkId !== undefined)
    .map((d) => ({ path: d.uri, text: d.text }));
}

/** A project's targets as tasks: each with the text the main thread holds for it (not a framework's: workers hold those), and what the suppressions file records for it. */
export function projectTasks(project: LoadedProject, recordedFor: (path: string) => LintTask['recorded']): LintTask[] {
  return project.targets.map((path): LintTask => {
    const doc = project.workspace.get(path);
    const recorded = recordedFor(path);
    return { path, ...(doc && doc.frameworkId === undefined ? { text: doc.text } : {}), ...(recorded ? { recorded } : {}) };
  });
}

/**
 * Lints a loaded project's targets on `workers` threads: each worker gets the
 * framework files the main thread parsed, and each target the text the main
 * thread holds for it, if any (otherwise the worker reads it, as a one-thread
 * run reads a deferred target when its turn comes), and what the suppressions
 * file records for it.
 */
export function lintProjectInWorkers(
  project: LoadedProject,
  workers: number,
  context: Omit<WorkerSetup, 'frameworks'>,
  recordedFor: (path: string) => LintTask['recorded'],
  settingsFor: (path: string) => LintSettings,
  deliver: (outcome: LintOutcome) => void,
): Promise<void> {
  const tasks = projectTasks(project, recordedFor);
  const setup: WorkerSetup = { ...context, frameworks: heldFrameworks(project) };
  const makeReport = reportMaker(setup, settingsFor);
  return lintInWorkers(setup, tasks, workers, deliver, (task) => lintTask(project.workspace, settingsFor, task, makeReport));
}

/** How the workers, and the main thread when it lints a task itself, report a linted file. */
function reportMaker(setup: WorkerSetup, settingsFor: (path: string) => LintSettings): ReportMaker {
  const formatter = createFormatter(setup.format, setup.formatOptions);
  return (task, doc, findings) => {
    const key = task.recorded?.key ?? '';
    const suppressions: Suppressions = { version: 1, files: task.recorded ? { [key]: task.recorded.entries } : {} };
    const unusedSeverity = unusedSuppressionSeverity(settingsFor(task.path));
    const file = { path: task.path, display: displayPath(task.path, setup.cwd), text: doc.text, lines: doc.parsed.lines, findings };
    return reportFile(formatter, file, { suppressions, key, shown: setup.suppressionsShown, unusedSeverity }, setup.quiet);
  };
}

/** A target linted against `workspace`'s frameworks and reported; the worker's and the fallback's one path (lint's and the report's). */
export function lintTask<Report = FileReport>(
  workspace: Workspace,
  settingsFor: (path: string) => LintSettings,
  task: LintTask,
  makeReport: (task: LintTask, doc: AnalysedDocument, findings: readonly Finding[]) => Report,
): { readonly path: string; readonly report: Report } | { readonly path: string; readonly problem: string } {
  const { path } = task;
  try {
    const held = workspace.get(path);
    let text = task.text;
    if (held === undefined && text === undefined) {
      const r = readTextFile(path);
      if ('error' in r) return { path, problem: r.error };
      text = r.text;
    }
    const doc = held ?? workspace.set(path, text!);
    try {
      return { path, report: makeReport(task, doc, lintDocument(doc, workspace, settingsFor(path)).findings) };
    } finally {
      if (held === undefined) workspace.delete(path);
    }
  } catch (e) {
    return { path, problem: describeInternalError(e) };
  }
}

/** The run's session as a worker sees it: the same configs and settings, its messages left to the main thread. */
export function openSilentSession(setup: { readonly cwd: string; readonly session: SessionArgs }): LintSession {
  const io: CliIo = { cwd: setup.cwd, env: {}, stdoutIsTTY: false, stdout: () => {}, stderr: () => {}, readStdin: () => Promise.resolve('') };
  const session = openLintSession({ ...setup.session, debug: false }, io);
  if ('exit' in session) throw new Error('the config the run names is gone');
  return session;
}

function serveLintTasks(setup: WorkerSetup): void {
  const port = parentPort!;
  const session = openSilentSession(setup);
  const workspace = new Workspace();
  for (const f of setup.frameworks) workspace.set(f.path, f.text);
  const makeReport = reportMaker(setup, session.settingsFor);
  port.postMessage({ ready: true } satisfies WorkerMessage);
  port.on('message', ({ index, task }: { index: number; task: LintTask }) => {
    const envelope: Envelope = { index, outcome: lintTask(workspace, session.settingsFor, task, makeReport) };
    port.postMessage(envelope);
  });
}

/** Whether a worker's `workerData` names `role` (lint's or the report's). */
export function hasRole(data: unknown, role: string): boolean {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === role;
}

function isWorkerData(data: unknown): data is { role: typeof ROLE; setup: WorkerSetup } {
  return hasRole(data, ROLE);
}

if (!isMainThread && isWorkerData(workerData)) serveLintTasks(workerData.setup);
else if (!isMainThread && hasRole(workerData, REPORT_WORKER_ROLE)) void import('./report-workers.js');
