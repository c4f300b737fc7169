/**
 * `strategy report` on several cores, as `strategy lint --concurrency` lints
 * (`lint-workers.ts`, `worker-pool.ts`): each worker holds the frameworks the
 * targets may name, lints the targets handed to it, builds each one's report
 * and renders it into its part (`report-document.ts`); only the part's bytes
 * (transferred, not copied) and the small data the report's frame needs come
 * back, and the main thread joins them in the targets' order, so the report
 * cannot tell how many threads made it.
 *
 * A worker starts at `lint-workers.ts` (the bundle, when bundled), which
 * loads this module when it finds the report's role in `workerData`; this
 * module then serves the tasks.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { LintSettings } from '../analysis/engine.js';
import { Workspace } from '../analysis/workspace.js';
import type { FrameworkKey } from '../report/render-stream.js';
import { streamedReport, type StreamOptions } from '../report/streamed-report.js';
import type { Suppressions } from './bulk-suppressions.js';
import { hasRole, heldFrameworks, lintTask, openSilentSession, projectTasks, REPORT_WORKER_ROLE as ROLE, WORKER_ENTRY, type LintTask, type WorkerSetup } from './lint-workers.js';
import { describeInternalError, type LoadedProject } from './project.js';
import { reportDocument, RULE_EXPLANATIONS, type ReportContext, type ReportPart } from './report-document.js';
import type { SessionArgs } from './lint-session.js';
import { runInWorkers } from './worker-pool.js';

/** What each report worker is started with. */
export interface ReportWorkerSetup extends ReportContext {
  readonly session: SessionArgs;
  readonly frameworks: WorkerSetup['frameworks'];
  readonly stream: StreamOptions;
}

/** A target to report, with the frameworks whose national view is certain by the time it is sent (its coverage is then only compact). */
export interface ReportTask extends LintTask {
  readonly certain: readonly FrameworkKey[];
}

/** A target's part, or the problem that stopped it (unreadable, an internal error). */
export type ReportOutcome = { readonly path: string; readonly report: ReportPart } | { readonly path: string; readonly problem: string };

/** Reports one task against `workspace` (its frameworks); the workers' and the main thread's one path. */
export function reportTask(workspace: Workspace, settingsFor: (path: string) => LintSettings, task: LintTask, report: (doc: Parameters<typeof reportDocument>[0], findings: Parameters<typeof reportDocument>[1]) => ReportPart): ReportOutcome {
  return lintTask(workspace, settingsFor, task, (_task, doc, findings) => report(doc, findings));
}

/** The recorded suppressions a task carries, as a suppressions file of its one file. */
function recordedOf(task: LintTask): { suppressions: Suppressions; key: string } {
  const key = task.recorded?.key ?? '';
  return { suppressions: { version: 1, files: task.recorded ? { [key]: task.recorded.entries } : {} }, key };
}

/** Whether `framework` is among `certain`. */
function certainIn(certain: readonly FrameworkKey[]): (framework: FrameworkKey) => boolean {
  return (framework) => certain.some((c) => c.id === framework.id && c.file === framework.file);
}

/**
 * Reports a loaded project's targets on `workers` threads, delivering each
 * outcome in the targets' order. `certain` says, as each task is sent, which
 * frameworks' national views the documents delivered so far make certain.
 */
export function reportProjectInWorkers(
  project: LoadedProject,
  workers: number,
  setup: Omit<ReportWorkerSetup, 'frameworks'>,
  recordedFor: (path: string) => LintTask['recorded'],
  certain: () => readonly FrameworkKey[],
  deliver: (outcome: ReportOutcome) => void,
  /** The main thread's own path, for the tasks left when no worker remains. */
  reportHere: (task: ReportTask) => ReportOutcome,
): Promise<void> {
  const tasks = projectTasks(project, recordedFor);
  const taskAt = (index: number): ReportTask => ({ ...tasks[index]!, certain: certain() });
  return runInWorkers<ReportTask, ReportOutcome>({
    script: WORKER_ENTRY,
    workerData: { role: ROLE, setup: { ...setup, frameworks: heldFrameworks(project) } },
    name: 'report worker',
    workers,
    tasks: tasks.length,
    taskAt,
    deliver,
    runHere: (index) => reportHere(taskAt(index)),
    lost: (index, reason) => ({ path: tasks[index]!.path, problem: describeInternalError(reason) }),
  });
}

/** How a task is reported on a worker thread (or by the main thread when it takes over a worker's tasks). */
export function taskReporter(workspace: Workspace, settingsFor: (path: string) => LintSettings, context: ReportContext, stream: StreamOptions): (task: ReportTask) => ReportOutcome {
  const streamed = streamedReport(stream, RULE_EXPLANATIONS);
  return (task) =>
    reportTask(workspace, settingsFor, task, (doc, findings) => {
      const { contribution, part } = reportDocument(doc, findings, workspace, settingsFor(doc.uri), recordedOf(task), context, streamed, certainIn(task.certain));
      return { contribution, part };
    });
}

/** The part's bytes as a buffer of their own, so that they can be transferred rather than copied (a pooled or shared buffer is copied once). */
function transferable(outcome: ReportOutcome): { outcome: ReportOutcome; transfer: ArrayBuffer[] } {
  if (!('report' in outcome)) return { outcome, transfer: [] };
  const section = outcome.report.part.section;
  const bytes = section.bytes;
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
  const part = { ...outcome.report.part, section: { ...section, bytes: own } };
  return { outcome: { path: outcome.path, report: { contribution: outcome.report.contribution, part } }, transfer: [own.buffer as ArrayBuffer] };
}

function serveReportTasks(setup: ReportWorkerSetup): void {
  const port = parentPort!;
  const session = openSilentSession(setup);
  const workspace = new Workspace();
  for (const f of setup.frameworks) workspace.set(f.path, f.text);
  const report = taskReporter(workspace, session.settingsFor, setup, setup.stream);
  port.postMessage({ ready: true });
  port.on('message', ({ index, task }: { index: number; task: ReportTask }) => {
    const { outcome, transfer } = transferable(report(task));
    port.postMessage({ index, outcome }, transfer);
  });
}

function isWorkerData(data: unknown): data is { role: typeof ROLE; setup: ReportWorkerSetup } {
  return hasRole(data, ROLE);
}

if (!isMainThread && isWorkerData(workerData)) serveReportTasks(workerData.setup);
