/**
 * Diagnostics for every strategy file of the workspace, open or not, as
 * `strategy lint` on the folder reports them.
 *
 * Open documents keep their own path (`project.lint`, debounced pushes or
 * `textDocument/diagnostic`). Files nobody has open are read from disk,
 * analysed and linted against the same workspace with the same settings,
 * one at a time with the event loop free in between, so typing never waits
 * behind a thousand files. Each result is kept with what it depends on (the
 * file's index entry, its settings, the framework documents it names, the
 * set of framework ids): a change to any of those, and only that, makes it
 * be linted again. A result id is a hash of the diagnostics themselves, so a
 * client pulling again is told "unchanged" exactly when nothing it shows
 * would change.
 *
 * Two ways out: pull (`workspace/diagnostic`, long-polled: an answer with
 * nothing new waits for a change) where the client supports pull
 * diagnostics, and pushes (`publishDiagnostics` for closed files) otherwise.
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ResultProgressReporter,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { analyseDocument } from '../analysis/document-model.js';
import { lintDocument, type LintResult } from '../analysis/engine.js';
import { ownString } from '../../grammar/index.js';
import type { DocumentSummary } from '../analysis/document-summary.js';
import { Slicer } from './cancellation.js';
import { toDiagnostics, type DiagnosticsSink } from './diagnostics.js';
import { isFileKey, keyOf, uriOf } from './document-keys.js';
import type { Project } from './project.js';

/** Which files show diagnostics: every strategy file of the workspace, or open ones only. */
export type DiagnosticsScope = 'workspace' | 'openFiles';

/** The result id of "no diagnostics, because this file is not checked". */
const NONE = 'none';
/** Reports sent in one partial result of a workspace pull. */
const BATCH = 100;
/** How long a workspace pull with nothing new waits for a change before answering anyway. */
const LONG_POLL_MS = 60_000;
/** Changes arriving within this pause are checked together. */
const SETTLE_MS = 200;
/** Closed files wait while the author is typing: an edit less than this long ago holds them back. */
const TYPING_QUIET_MS = 250;

export interface Report {
  readonly resultId: string;
  readonly diagnostics: Diagnostic[];
}

interface Entry extends Report {
  readonly stamp: readonly unknown[];
}

/** The read of a closed file started while the file before it is checked, and the index entry it was started for. */
interface ReadAhead {
  readonly summary: DocumentSummary;
  readonly text: Promise<string | undefined>;
}

function resultIdOf(diagnostics: readonly Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64url');
}

/**
 * `diagnostics` with messages of their own, to be kept. A message made with
 * a title or an id of the document (`… is quoted as "${title}"`) holds that
 * slice of the document's text, and through it the whole text: the results
 * kept for every closed file held every file of the workspace (1,001 files:
 * 116 MB of heap, 54 MB once the messages are copies; measured after GC).
 */
function detached(diagnostics: Diagnostic[]): Diagnostic[] {
  for (const d of diagnostics) {
    if (typeof d.message === 'string') d.message = ownString(d.message);
    if (d.relatedInformation) for (const r of d.relatedInformation) r.message = ownString(r.message);
  }
  return diagnostics;
}

function sameStamp(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface WorkspaceDiagnosticsOptions {
  readonly readFile: (path: string) => Promise<string | undefined>;
  readonly onError?: (message: string) => void;
  /** Resolves once every message read from the client has been handed to its handler (message-flow.ts). */
  readonly messagesSettled?: () => Promise<void>;
}

export class WorkspaceDiagnostics {
  private readonly cache = new Map<string, Entry>();
  private readonly openReports = new WeakMap<LintResult, Report>();
  private readonly waiters = new Set<() => void>();
  private scopeSetting: DiagnosticsScope = 'workspace';
  /** Push mode: what each closed file was last sent, so only changes go out. */
  private readonly pushed = new Map<string, string>();
  private pushSink: DiagnosticsSink | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = false;
  private sweepAgain = false;
  private readonly sweepListeners: (() => void)[] = [];
  private markReady: () => void = () => undefined;
  private lastEdit = Number.NEGATIVE_INFINITY;
  /**
   * The next closed file's text, being read while this one is parsed and
   * linted: reading a file is four round trips to libuv's thread pool (open,
   * stat, read, close), and awaited one file after another they left the
   * server idle for a tenth of a 1,000-file pull (profiled).
   */
  private readonly ahead = new Map<string, ReadAhead>();
  /** Settles once the workspace is indexed: a pull that comes earlier (a restored editor) would lint without the frameworks. */
  private readonly indexed = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly project: Project,
    private readonly options: WorkspaceDiagnosticsOptions,
  ) {}

  get scope(): DiagnosticsScope {
    return this.scopeSetting;
  }

  set scope(scope: DiagnosticsScope) {
    if (scope === this.scopeSetting) return;
    this.scopeSetting = scope;
    this.changed();
  }

  /** An open document was edited: checking closed files gives way for a moment. */
  edited(): void {
    this.lastEdit = performance.now();
  }

  /**
   * Waits until typing has paused: one closed file's parse can hold the
   * event loop for tens of milliseconds, which the edit that comes next
   * would otherwise wait behind.
   */
  private async giveWayToTyping(): Promise<void> {
    for (let quiet = performance.now() - this.lastEdit; quiet < TYPING_QUIET_MS; quiet = performance.now() - this.lastEdit) await sleep(TYPING_QUIET_MS - quiet);
  }

  /** The workspace index is built: answer the pulls that were waiting for it. */
  indexReady(): void {
    this.markReady();
    this.changed();
  }

  /** Publish closed files' diagnostics with `publishDiagnostics` (for clients without pull diagnostics). */
  pushTo(sink: DiagnosticsSink): void {
    this.pushSink = sink;
  }

  /** Something a result may depend on has changed: wake waiting pulls, and sweep in push mode. */
  changed(): void {
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = undefined;
      this.prune();
      for (const wake of [...this.waiters]) wake();
      if (this.pushSink) void this.sweep();
    }, SETTLE_MS);
  }

  /** Called after each push sweep has finished (tests and benchmarks). */
  onSwept(listener: () => void): void {
    this.sweepListeners.push(listener);
  }

  /** The files this shows diagnostics for, apart from open documents: as `strategy lint` on each folder would find them. */
  closedFiles(): string[] {
    if (this.scopeSetting !== 'workspace' || !this.project.isReady) return [];
    const out: string[] = [];
    for (const summary of this.project.index.all()) {
      const key = summary.key;
      if (!isFileKey(key) || this.project.isOpen(key) || !this.project.folderFor(key) || this.project.isIgnored(key)) continue;
      out.push(key);
    }
    return out.sort();
  }

  private stampOf(summary: DocumentSummary, frameworkIds: string): unknown[] {
    const workspace = this.project.workspace;
    const ids = new Set(summary.frameworkRefs.map((r) => r.value));
    if (summary.frameworkId !== undefined) ids.add(summary.frameworkId);
    const stamp: unknown[] = [summary, this.project.settingsFor(summary.key), frameworkIds];
    for (const id of [...ids].sort()) stamp.push(id, ...workspace.frameworkDocuments(id));
    return stamp;
  }

  /** A closed file's diagnostics: from the cache while nothing it depends on has changed, else linted again from disk. */
  async closedReport(key: string, frameworkIds = this.project.workspace.frameworkIds().join('\n')): Promise<Report | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const summary = this.project.index.get(key);
      if (!summary) return undefined;
      const stamp = this.stampOf(summary, frameworkIds);
      const cached = this.cache.get(key);
      if (cached && sameStamp(cached.stamp, stamp)) return cached;
      const doc = this.project.workspace.get(key) ?? (await this.readAndAnalyse(key, summary));
      if (!doc) return undefined;
      // The file changed while it was read: its index entry is newer than the text, so read again.
      if (this.project.index.get(key) !== summary || this.project.isOpen(key)) continue;
      this.project.owners.set(key, doc);
      const findings = lintDocument(doc, this.project.workspace, this.project.settingsFor(key).lint).findings;
      const diagnostics = detached(toDiagnostics(findings));
      const entry: Entry = { stamp, diagnostics, resultId: resultIdOf(diagnostics) };
      this.cache.set(key, entry);
      return entry;
    }
    return undefined;
  }

  /** `key`'s text, read ahead if it was for this index entry (a text read before the file last changed is not used), else read now. */
  private async readAndAnalyse(key: string, summary: DocumentSummary) {
    const ahead = this.ahead.get(key);
    this.ahead.delete(key);
    const text = await (ahead?.summary === summary ? ahead.text : this.options.readFile(key));
    return text === undefined ? undefined : analyseDocument(key, text);
  }

  /**
   * Before `current` is checked: starts reading `next` if checking it will
   * need its text (closed, not in the workspace, its result out of date), and
   * forgets reads ahead of any other file (a sweep or pull that was left).
   */
  private readAhead(current: string, next: string | undefined, frameworkIds: string): void {
    for (const key of this.ahead.keys()) if (key !== current && key !== next) this.ahead.delete(key);
    if (next === undefined || this.ahead.has(next) || this.project.isOpen(next) || this.project.workspace.get(next)) return;
    const summary = this.project.index.get(next);
    if (!summary) return;
    const cached = this.cache.get(next);
    if (cached && sameStamp(cached.stamp, this.stampOf(summary, frameworkIds))) return;
    const text = this.options.readFile(next);
    // A failed read is reported by the check that awaits it; one never awaited (the file changed meanwhile) is dropped quietly.
    text.catch(() => undefined);
    this.ahead.set(next, { summary, text });
  }

  /** An open document's diagnostics, as its pushes would carry them. */
  openReport(key: string): Report | undefined {
    const result = this.project.lint(key);
    if (!result) return undefined;
    let report = this.openReports.get(result);
    if (!report) {
      const diagnostics = toDiagnostics(result.findings);
      report = { diagnostics, resultId: resultIdOf(diagnostics) };
      this.openReports.set(result, report);
    }
    return report;
  }

  private async letMessagesIn(): Promise<void> {
    await nextTurn();
    await this.options.messagesSettled?.();
  }

  /** `textDocument/diagnostic`: one document, open or not. */
  async documentReport(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    const key = keyOf(uri);
    if (!this.project.isReady) await this.indexed;
    let report: Report | undefined;
    if (this.project.isOpen(key)) {
      await this.project.ensureSettings(key);
      // Let newer edits, cancellations and requests (a completion typed with the edit) in before each step of the
      // work, the parse and then the lint, so that none waits behind both.
      await this.letMessagesIn();
      this.project.analysed(key);
      await this.letMessagesIn();
      report = this.openReport(key);
    } else if (this.closedFiles().includes(key)) report = await this.closedReport(key);
    report ??= { resultId: NONE, diagnostics: [] };
    if (previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.diagnostics };
  }

  /**
   * `workspace/diagnostic`: full reports for closed files whose diagnostics
   * differ from what the client has, empty ones for files it should no
   * longer show, sent in batches as partial results where the client takes
   * them. When nothing differs, the answer waits for a change.
   */
  async workspaceReport(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    progress: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map((p) => [keyOf(p.uri), p.value]));
    const streaming = progress !== undefined && params.partialResultToken !== undefined;
    const started = performance.now();
    for (;;) {
      const slicer = new Slicer(token);
      let items: WorkspaceDocumentDiagnosticReport[] = [];
      let sent = 0;
      const files = this.closedFiles();
      const frameworkIds = this.project.workspace.frameworkIds().join('\n');
      const wanted = new Set(files);
      for (let i = 0; i < files.length; i++) {
        const key = files[i]!;
        await this.giveWayToTyping();
        await slicer.check();
        let report: Report | undefined;
        try {
          this.readAhead(key, files[i + 1], frameworkIds);
          report = await this.closedReport(key, frameworkIds);
        } catch (e) {
          this.options.onError?.(`Diagnostics for ${key} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        if (!report || previous.get(key) === report.resultId) continue;
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: uriOf(key), version: null, resultId: report.resultId, items: report.diagnostics });
        if (streaming && items.length >= BATCH) {
          progress.report({ items });
          sent += items.length;
          items = [];
        }
      }
      // Files the client shows workspace diagnostics for that are gone, ignored, open now, or out of scope.
      for (const [key, value] of previous) {
        if (wanted.has(key) || value === NONE || this.project.isOpen(key)) continue;
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: uriOf(key), version: null, resultId: NONE, items: [] });
      }
      if (items.length > 0 || sent > 0 || performance.now() - started > LONG_POLL_MS) return { items };
      await this.nextChange(token, LONG_POLL_MS);
      if (token.isCancellationRequested) return { items: [] };
    }
  }

  private nextChange(token: CancellationToken, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        sub.dispose();
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const sub = token.onCancellationRequested(done);
      this.waiters.add(done);
    });
  }

  /** A file was opened: its open-document diagnostics replace what was pushed for it from disk. */
  opened(key: string): void {
    this.pushed.delete(key);
  }

  /** Push mode: brings every closed file's published diagnostics up to date, sending only what changed. */
  private async sweep(): Promise<void> {
    const sink = this.pushSink;
    if (!sink) return;
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = true;
    try {
      do {
        this.sweepAgain = false;
        const slicer = new Slicer();
        const files = this.closedFiles();
        const wanted = new Set(files);
        for (const [key] of this.pushed) {
          if (wanted.has(key)) continue;
          this.pushed.delete(key);
          if (!this.project.isOpen(key)) sink.sendDiagnostics({ uri: uriOf(key), diagnostics: [] });
        }
        const frameworkIds = this.project.workspace.frameworkIds().join('\n');
        for (let i = 0; i < files.length; i++) {
          const key = files[i]!;
          await slicer.proceed();
          await this.giveWayToTyping();
          if (this.project.isOpen(key)) continue;
          try {
            this.readAhead(key, files[i + 1], frameworkIds);
            const report = await this.closedReport(key, frameworkIds);
            if (!report || this.pushed.get(key) === report.resultId || this.project.isOpen(key)) continue;
            this.pushed.set(key, report.resultId);
            sink.sendDiagnostics({ uri: uriOf(key), diagnostics: report.diagnostics });
          } catch (e) {
            this.options.onError?.(`Diagnostics for ${key} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          }
        }
      } while (this.sweepAgain);
    } finally {
      this.sweeping = false;
    }
    for (const listener of this.sweepListeners) listener();
  }

  /** Forgets results of files that left the index (memory for a long session). */
  prune(): void {
    for (const key of this.cache.keys()) if (!this.project.index.get(key)) this.cache.delete(key);
  }
}
