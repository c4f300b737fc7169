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
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { lintDocument, type LintSettings } from '../analysis/engine.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { Workspace } from '../analysis/workspace.js';
import type { Finding } from '../rules/rule.js';
import type { Suppressions } from './bulk-suppressions.js';
import { displayPath } from './files.js';
import { reportFile, unusedSuppressionSeverity, type FileReport } from './file-report.js';
import { createFormatter, type FormatOptions, type OutputFormat } from './formatters/index.js';
import type { CliIo } from './io.js';
import { openLintSession, type LintSession, type SessionArgs } from './lint-session.js';
import { describeInternalError, readTextFile, type LoadedProject } from './project.js';

const ROLE = 'strategy-lint-worker';

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
/** Tasks each worker holds at once, so that it never waits for the main thread between files. */
const PIPELINE = 2;
/** How far ahead of the next file to write a run may lint: the results waiting behind a slow file stay bounded. */
const WINDOW = 64;

/**
 * Each worker's young generation. V8 grows it to 64 MB semi-spaces under a
 * parse's garbage, which made two workers cost twice one thread's memory;
 * at a quarter of that the run took no longer (measured on the 1,001-file
 * workspace of bench/speed.mjs) and stayed within one thread's memory.
 */
const YOUNG_GENERATION_MB = 48;

/** `--concurrency`: a number of workers, `auto`, or `off` (one thread). */
export type Concurrency = number | 'auto' | 'off';

/** `--concurrency`'s value, or undefined when it is none of the accepted forms. */
export function parseConcurrency(text: string): Concurrency | undefined {
  if (text === 'auto' || text === 'off') return text;
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 256 ? n : undefined;
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
  const pending = new Map<number, LintOutcome>();
  let nextToDeliver = 0;
  let nextToSend = 0;
  const retry: number[] = [];
  /** `ready` once the worker has said it is set up: only then is its first task the one it was on when it died. */
  const pool = new Set<{ worker: Worker; inFlight: number[]; ready: boolean }>();

  return new Promise<void>((resolvePromise, reject) => {
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.worker.terminate();
      pool.clear();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const finishIfDone = (): void => {
      if (failed || nextToDeliver < tasks.length) return;
      for (const w of pool) void w.worker.terminate();
      pool.clear();
      resolvePromise();
    };
    const settle = (index: number, outcome: LintOutcome): void => {
      // Messages already on their way when the run failed are not written after it.
      if (failed) return;
      pending.set(index, outcome);
      try {
        for (let o = pending.get(nextToDeliver); o !== undefined; o = pending.get(nextToDeliver)) {
          pending.delete(nextToDeliver);
          nextToDeliver++;
          deliver(o);
        }
      } catch (e) {
        fail(e);
      }
    };
    const takeTask = (): number | undefined => {
      if (retry.length > 0) return retry.shift();
      if (nextToSend < tasks.length && nextToSend < nextToDeliver + WINDOW) return nextToSend++;
      return undefined;
    };
    const feed = (): void => {
      if (failed) return;
      for (const w of pool) {
        while (w.inFlight.length < PIPELINE) {
          const index = takeTask();
          if (index === undefined) break;
          w.inFlight.push(index);
          w.worker.postMessage({ index, task: tasks[index]! });
        }
      }
      if (pool.size === 0) {
        // No worker left: the main thread lints the rest itself.
        for (let index = takeTask(); index !== undefined && !failed; index = takeTask()) settle(index, lintHere(tasks[index]!));
      }
      finishIfDone();
    };
    const lose = (w: { worker: Worker; inFlight: number[]; ready: boolean }, reason: unknown): void => {
      if (!pool.delete(w)) return;
      // A worker that never got set up was on no file: none is blamed, all go to the others (or the main thread).
      const current = w.ready ? w.inFlight[0] : undefined;
      const rest = w.ready ? w.inFlight.slice(1) : w.inFlight;
      w.inFlight = [];
      retry.push(...rest);
      retry.sort((a, b) => a - b);
      if (current !== undefined) settle(current, { path: tasks[current]!.path, problem: describeInternalError(reason) });
      feed();
    };

    const data = { role: ROLE, setup };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const entry = { worker, inFlight: [] as number[], ready: false };
      pool.add(entry);
      worker.on('message', (message: WorkerMessage) => {
        if (failed) return;
        if ('ready' in message) {
          entry.ready = true;
          return;
        }
        entry.inFlight = entry.inFlight.filter((i) => i !== message.index);
        settle(message.index, message.outcome);
        feed();
      });
      worker.on('error', (e) => lose(entry, e));
      worker.on('exit', (code) => lose(entry, new Error(`a lint worker stopped (exit code ${code})`)));
    }
    feed();
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
  const held = project.workspace.all();
  const frameworks = held.filter((d) => d.frameworkId !== undefined).map((d) => ({ path: d.uri, text: d.text }));
  const tasks = project.targets.map((path): LintTask => {
    const doc = project.workspace.get(path);
    const recorded = recordedFor(path);
    return { path, ...(doc && doc.frameworkId === undefined ? { text: doc.text } : {}), ...(recorded ? { recorded } : {}) };
  });
  const setup: WorkerSetup = { ...context, frameworks };
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

/** A target linted against `workspace`'s frameworks and reported; the worker's and the fallback's one path. */
export function lintTask(workspace: Workspace, settingsFor: (path: string) => LintSettings, task: LintTask, makeReport: ReportMaker): LintOutcome {
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
function openSilentSession(setup: WorkerSetup): LintSession {
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

function isWorkerData(data: unknown): data is { role: typeof ROLE; setup: WorkerSetup } {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === ROLE;
}

if (!isMainThread && isWorkerData(workerData)) serveLintTasks(workerData.setup);
