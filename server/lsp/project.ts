/**
 * The server's model of the workspace: the one `Workspace` the engine lints
 * against (every framework, fully analysed, and every open document), the
 * index of every .strategy file (open or not), and the settings of each
 * workspace folder. Providers ask it questions; it knows nothing of the
 * protocol beyond the host interface it is given (read a file, fetch the
 * client's settings), so it can be driven in memory.
 *
 * Open documents are parsed lazily, when something needs their tree, and at
 * most once per edit. Files nobody has open are summarised by a token scan,
 * and only frameworks among them are parsed in full (the rules need them).
 */
import { sep } from 'node:path';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { summariseDocument } from '../analysis/document-summary.js';
import { frameworkFor, lintDocument, type LintResult } from '../analysis/engine.js';
import type { FrameworkIndex } from '../analysis/framework-index.js';
import { scanSummary } from '../analysis/summary-scanner.js';
import { Workspace } from '../analysis/workspace.js';
import { WorkspaceIndex } from '../analysis/workspace-index.js';
import { WorkspaceOwners } from '../analysis/workspace-owners.js';
import { Slicer } from './cancellation.js';
import { reparse } from '../../grammar/incremental-parse.js';
import { BlockLinter } from '../analysis/block-lint.js';
import { forgetClientUri, isFileKey, keyOf, rememberClientUri } from './document-keys.js';
import { ALWAYS_SKIPPED, IgnoreStack } from '../workspace-files/files.js';
import { crawlStrategyFiles, expandFrameworkPath } from './file-crawler.js';
import { FolderSettings, type FolderState } from './folder-settings.js';
import type { EffectiveSettings } from './settings.js';
import type { ConfigError } from '../config/load-config.js';
import { currentView, staleView, type TextView } from './text-view.js';

export interface ProjectHost {
  /** The file's text without a byte-order mark, or undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /**
   * The same, at once: for the one file a closing editor hands back to the
   * disk, so that the requests that follow the close see the file as it is.
   */
  readFileNow(path: string): string | undefined;
  /** The client's `strategy` settings for a folder or document (undefined: global). */
  clientSettings(scopeUri: string | undefined): Promise<unknown>;
  /** Where faults in the server itself are written. */
  log?(message: string): void;
  /** Whether the workspace is untrusted (Restricted Mode): then only files inside its folders are read. */
  isRestricted?(): boolean;
}

interface OpenDocument {
  readonly uri: string;
  text: string;
  version: number;
  analysed: AnalysedDocument | undefined;
  /** Per-statement findings of the last lint, reused for the statements an edit leaves alone. */
  readonly linter: BlockLinter;
  /** The current text read against the last analysis (see `textView`), kept while neither changes. */
  view?: TextView;
}

export interface IndexStats {
  readonly files: number;
  readonly frameworks: number;
  readonly durationMs: number;
}

type FrameworkListener = (ids: ReadonlySet<string>) => void;

export interface IndexOptions {
  readonly isStopped?: () => boolean;
  /** Called once the folders have been walked, with the number of files to index. */
  readonly onFound?: (files: number) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

export class Project {
  readonly workspace = new Workspace();
  readonly index = new WorkspaceIndex();
  /** The partners and owners each parsed file names (for completing `owner`); open documents' brought up to date on use. */
  get owners(): WorkspaceOwners {
    for (const key of this.staleOwners) {
      const doc = this.openDocs.get(key)?.analysed;
      if (doc) this.ownerTable.set(key, doc);
    }
    this.staleOwners.clear();
    return this.ownerTable;
  }
  private readonly ownerTable = new WorkspaceOwners();
  /** Open documents edited since their owners were read (a walk of the whole tree, done when completion asks). */
  private readonly staleOwners = new Set<string>();
  private readonly openDocs = new Map<string, OpenDocument>();
  /** Open documents whose summary in the index is older than their tree (see `analysed`). */
  private readonly staleSummaries = new Set<string>();
  private readonly settings: FolderSettings;
  /** Files loaded because a `frameworks` setting names them. */
  private configuredFrameworkFiles = new Set<string>();
  /**
   * Bumped whenever a framework or the settings change: a cached lint result
   * of an older generation may be stale.
   */
  private generation = 0;
  private readonly lintCache = new Map<string, { doc: AnalysedDocument; generation: number; result: LintResult }>();
  private readonly frameworkListeners: FrameworkListener[] = [];
  private readonly indexListeners: (() => void)[] = [];
  private indexing: Promise<IndexStats> | undefined;
  private ready = false;

  constructor(private readonly host: ProjectHost) {
    this.settings = new FolderSettings(
      (scopeUri) => host.clientSettings(scopeUri),
      () => host.isRestricted?.() ?? false,
    );
  }

  // ── folders and settings ────────────────────────────────────────────────

  setFolders(folders: readonly { uri: string }[]): void {
    this.settings.set(folders);
  }

  folderFor(key: string): FolderState | undefined {
    return this.settings.folderFor(key);
  }

  settingsFor(key: string): EffectiveSettings {
    return this.settings.settingsFor(key);
  }

  /** Problems of every strategy.config.json read, each at its line. */
  configProblems(): readonly ConfigError[] {
    return this.settings.configProblems();
  }

  /** Every settings object in use, with the folder or directory it applies to. */
  allSettings(): { scope: string; settings: EffectiveSettings }[] {
    return this.settings.all();
  }

  /** Reads strategy.config.json and the client's settings for every folder and open loose document again. */
  async reloadSettings(): Promise<void> {
    await this.settings.reload();
    for (const key of this.openDocs.keys()) await this.settings.ensure(key);
    this.generation++;
    if (this.ready) await this.loadConfiguredFrameworks();
  }

  /** Makes sure a document's settings are loaded (loose documents load theirs on first use). */
  async ensureSettings(key: string): Promise<void> {
    const loaded = await this.settings.ensure(key);
    if (!loaded) return;
    this.generation++;
    // A loose document's own strategy.config.json may name frameworks the workspace does not have.
    if (this.ready && loaded.frameworkPaths.length > 0) await this.loadConfiguredFrameworks();
  }

  // ── open documents ──────────────────────────────────────────────────────

  openDocument(uri: string, text: string, version: number): string {
    const key = rememberClientUri(uri);
    this.openDocs.set(key, { uri, text, version, analysed: undefined, linter: new BlockLinter() });
    return key;
  }

  changeDocument(uri: string, text: string, version: number): string {
    const key = keyOf(uri);
    const open = this.openDocs.get(key);
    if (open) {
      open.text = text;
      open.version = version;
    } else this.openDocs.set(key, { uri, text, version, analysed: undefined, linter: new BlockLinter() });
    return key;
  }

  /** A closed document goes back to what is on disk (or out of the index, if nothing is). */
  closeDocument(uri: string): string {
    const key = keyOf(uri);
    this.openDocs.delete(key);
    this.staleSummaries.delete(key);
    this.staleOwners.delete(key);
    this.lintCache.delete(key);
    forgetClientUri(key);
    const text = isFileKey(key) && this.isIndexable(key) && !this.isIgnored(key) ? this.host.readFileNow(key) : undefined;
    if (text === undefined) this.removeFile(key);
    else this.applyDiskText(key, text);
    return key;
  }

  isOpen(key: string): boolean {
    return this.openDocs.has(key);
  }

  openKeys(): string[] {
    return [...this.openDocs.keys()];
  }

  versionOf(key: string): number | undefined {
    return this.openDocs.get(key)?.version;
  }

  /** The current text of an open document. */
  openText(key: string): string | undefined {
    return this.openDocs.get(key)?.text;
  }

  /**
   * The analysis of a document: an open one is (re)parsed if its text has
   * changed since; a closed framework comes from the workspace. Closed
   * strategies have only their summary.
   */
  analysed(key: string): AnalysedDocument | undefined {
    const open = this.openDocs.get(key);
    if (!open) return this.workspace.get(key);
    if (open.analysed && open.analysed.text === open.text) return open.analysed;
    const before = this.workspace.get(key);
    // Only the statements the edit touched are parsed again (grammar/incremental-parse.ts).
    const base = open.analysed ?? before;
    // The reparse moves `base`'s later statements in place: `base` is consumed, and replaced here at once.
    let doc: AnalysedDocument;
    let re: ReturnType<typeof reparse> | undefined;
    try {
      re = base ? reparse(base.parsed, base.text, open.text) : undefined;
      doc = this.workspace.set(key, open.text, open.version, re?.result);
      open.analysed = doc;
    } catch (e) {
      // `base` may be half moved: nothing may build on it again, so the next analysis is a full parse.
      open.analysed = undefined;
      this.workspace.delete(key);
      throw e;
    }
    this.staleOwners.add(key);
    // An edit that left the header alone changes nothing the index is asked between questions about
    // the whole workspace (kind, framework ids and references): the summary, a walk of the whole tree,
    // waits for the next such question (refreshOpenDocuments).
    if (re?.edit && before?.header === doc.header && this.index.get(key)) this.staleSummaries.add(key);
    else {
      this.staleSummaries.delete(key);
      this.index.set(summariseDocument(doc));
    }
    this.noteFrameworkChange(before, doc);
    this.noteIndexChange();
    return doc;
  }

  /**
   * A document's text as it is now, read against its last analysis, without
   * parsing: completion answers from it while the reparse an edit caused is
   * pending. A document never analysed is analysed now.
   */
  textView(key: string): TextView | undefined {
    const open = this.openDocs.get(key);
    const last = open?.analysed;
    if (!open || !last || last.text === open.text) {
      const doc = this.analysed(key);
      return doc ? currentView(doc) : undefined;
    }
    if (!open.view || open.view.text !== open.text || open.view.doc !== last) open.view = staleView(last, open.text);
    return open.view;
  }

  /** The findings of a document's last lint, even if it has been edited since (linted now if it never was). */
  lastLint(key: string): LintResult | undefined {
    return this.lintCache.get(key)?.result ?? this.lint(key);
  }

  /** Brings the summaries of open documents up to date, before a question about the whole workspace. */
  refreshOpenDocuments(): void {
    for (const key of this.openDocs.keys()) this.analysed(key);
    for (const key of this.staleSummaries) {
      const doc = this.openDocs.get(key)?.analysed;
      if (doc) this.index.set(summariseDocument(doc));
    }
    this.staleSummaries.clear();
  }

  /**
   * Whether `result` is still the document's latest lint. A newer lint moves
   * the kept findings in place (block-lint.ts), so an older result's
   * positions are no longer its own version's.
   */
  isLatestLint(key: string, result: LintResult): boolean {
    const cached = this.lintCache.get(key);
    return cached === undefined || cached.result === result;
  }

  lint(key: string): LintResult | undefined {
    const doc = this.analysed(key);
    if (!doc) return undefined;
    const cached = this.lintCache.get(key);
    if (cached && cached.doc === doc && cached.generation === this.generation) return cached.result;
    const open = this.openDocs.get(key);
    // Open documents are linted again after every edit: their per-statement findings are kept (same findings as lintDocument).
    const result = open
      ? open.linter.lint(doc, this.workspace, this.settingsFor(key).lint, this.generation)
      : lintDocument(doc, this.workspace, this.settingsFor(key).lint);
    if (open) this.lintCache.set(key, { doc, generation: this.generation, result });
    return result;
  }

  frameworkFor(doc: AnalysedDocument): FrameworkIndex | undefined {
    return frameworkFor(doc, this.workspace);
  }

  /** Open documents that must be linted again when frameworks `ids` change. */
  openDependents(ids: ReadonlySet<string>): string[] {
    const out: string[] = [];
    for (const key of this.openDocs.keys()) {
      const summary = this.index.get(key);
      if (!summary) continue;
      if (summary.frameworkRefs.some((r) => ids.has(r.value)) || (summary.frameworkId !== undefined && ids.has(summary.frameworkId))) out.push(key);
    }
    return out;
  }

  onFrameworksChanged(listener: FrameworkListener): void {
    this.frameworkListeners.push(listener);
  }

  /** Called when any summary in the index changes (code lenses count across files). */
  onIndexChanged(listener: () => void): void {
    this.indexListeners.push(listener);
  }

  private noteIndexChange(): void {
    if (this.ready) for (const listener of this.indexListeners) listener();
  }

  private noteFrameworkChange(before: AnalysedDocument | undefined, after: AnalysedDocument | undefined): void {
    if (before === after) return;
    const ids = new Set<string>();
    if (before?.frameworkId !== undefined) ids.add(before.frameworkId);
    if (after?.frameworkId !== undefined) ids.add(after.frameworkId);
    if (ids.size === 0) return;
    this.generation++;
    for (const listener of this.frameworkListeners) listener(ids);
  }

  // ── files on disk ───────────────────────────────────────────────────────

  /** Whether a file belongs in the index: in a workspace folder, or named by a `frameworks` setting. */
  isIndexable(key: string): boolean {
    return this.folderFor(key) !== undefined || this.configuredFrameworkFiles.has(key);
  }

  /**
   * Takes a file's text from disk into the index (ignored while the file is
   * open: the editor's text wins). A file the analysis cannot cope with is
   * left out and reported, never allowed to stop the indexing of the rest.
   */
  applyDiskText(key: string, text: string): void {
    if (this.openDocs.has(key)) return;
    try {
      this.indexText(key, text);
    } catch (e) {
      this.host.log?.(`Could not index ${key}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  private indexText(key: string, text: string): void {
    const summary = scanSummary(key, text);
    const before = this.workspace.get(key);
    if (summary.kind === 'framework') {
      const doc = this.workspace.set(key, text);
      this.ownerTable.set(key, doc);
      this.index.set(summariseDocument(doc));
      this.noteFrameworkChange(before, doc);
      this.noteIndexChange();
      return;
    }
    if (before) this.workspace.delete(key);
    this.index.set(summary);
    this.noteFrameworkChange(before, undefined);
    this.noteIndexChange();
  }

  removeFile(key: string): void {
    if (this.openDocs.has(key)) return;
    const before = this.workspace.get(key);
    this.workspace.delete(key);
    this.ownerTable.delete(key);
    const removed = this.index.delete(key);
    this.noteFrameworkChange(before, undefined);
    if (removed) this.noteIndexChange();
  }

  async refreshFile(key: string): Promise<void> {
    if (this.openDocs.has(key)) return;
    const text = await this.host.readFile(key);
    if (text === undefined) this.removeFile(key);
    else this.applyDiskText(key, text);
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Indexes every folder once; later calls return the same run. */
  buildIndex(options: IndexOptions = {}): Promise<IndexStats> {
    this.indexing ??= this.crawlAndIndex(this.settings.list, options).then((stats) => {
      this.ready = true;
      return stats;
    });
    return this.indexing;
  }

  private async crawlAndIndex(folders: readonly FolderState[], options: IndexOptions): Promise<IndexStats> {
    const started = performance.now();
    const isStopped = options.isStopped ?? ((): boolean => false);
    const files = new Set<string>();
    for (const folder of folders) {
      for (const f of await crawlStrategyFiles(folder.path, { ignore: this.settings.ignoreOptions(), isStopped })) files.add(f);
    }
    // Each folder's configs, as the CLI would read them for these files: a nested config may name frameworks too.
    for (const f of files) this.settings.settingsFor(f);
    for (const f of await this.configuredFrameworkPaths()) {
      if (!files.has(f) && this.configuredFrameworkFiles.has(f)) continue;
      files.add(f);
      this.configuredFrameworkFiles.add(f);
    }
    options.onFound?.(files.size);
    await this.readAll([...files], isStopped, options.onProgress);
    return {
      files: files.size,
      frameworks: this.index.all().filter((s) => s.kind === 'framework').length,
      durationMs: performance.now() - started,
    };
  }

  /** Workspace folders added: their settings are loaded and their files indexed. */
  async addFolders(added: readonly { uri: string }[]): Promise<void> {
    const fresh = this.settings.add(added);
    await this.settings.reload(fresh);
    this.generation++;
    await this.crawlAndIndex(fresh, {});
  }

  /** Workspace folders removed: their closed files leave the index. */
  removeFolders(removed: readonly { uri: string }[]): void {
    const leaving = this.settings.remove(removed);
    for (const summary of this.index.all()) {
      const key = summary.key;
      if (leaving.some((f) => key.startsWith(f.path + sep)) && !this.isIndexable(key)) this.removeFile(key);
    }
    this.generation++;
  }

  /**
   * Whether a file is left out as `strategy lint` leaves it out: under
   * node_modules or .git, or by .gitignore, .strategyignore or the config's
   * `ignore`.
   */
  isIgnored(key: string): boolean {
    const folder = this.folderFor(key);
    if (!folder) return false;
    const inside = key.slice(folder.path.length).split(sep);
    if (inside.some((part) => ALWAYS_SKIPPED.has(part))) return true;
    return new IgnoreStack(folder.path, this.settings.ignoreOptions()).ignores(key, false);
  }

  /** Reads and indexes files, a few reads in flight at once, yielding between files. */
  private async readAll(files: readonly string[], isStopped: () => boolean, onProgress?: (done: number, total: number) => void): Promise<void> {
    const slicer = new Slicer();
    const inFlight = 8;
    const reads: Promise<string | undefined>[] = [];
    for (let i = 0; i < Math.min(inFlight, files.length); i++) reads.push(this.host.readFile(files[i]!));
    for (let i = 0; i < files.length; i++) {
      if (isStopped()) return;
      const text = await reads[i]!;
      if (i + inFlight < files.length) reads.push(this.host.readFile(files[i + inFlight]!));
      reads[i] = Promise.resolve(undefined); // let the text go
      if (text !== undefined) this.applyDiskText(files[i]!, text);
      if (onProgress && (i + 1) % 50 === 0) onProgress(i + 1, files.length);
      await slicer.proceed();
    }
  }

  private async configuredFrameworkPaths(): Promise<string[]> {
    const out = new Set<string>();
    for (const { settings } of this.allSettings()) {
      for (const p of settings.frameworkPaths) for (const f of await expandFrameworkPath(p, this.settings.ignoreOptions())) out.add(f);
    }
    return [...out];
  }

  /** After a settings change: loads newly configured framework files, drops ones no longer configured. */
  private async loadConfiguredFrameworks(): Promise<void> {
    const wanted = new Set(await this.configuredFrameworkPaths());
    const previous = this.configuredFrameworkFiles;
    this.configuredFrameworkFiles = wanted;
    for (const f of previous) if (!wanted.has(f) && !this.folderFor(f)) this.removeFile(f);
    for (const f of wanted) if (!previous.has(f)) await this.refreshFile(f);
  }
}
