/**
 * Findings as the editor shows them, and when they are published.
 *
 * Each finding becomes a diagnostic with the rule id as its code, a link to
 * the rule's page (docs/rules/<id>.md beside the server bundle), its related
 * locations, and a fade for suppressions that suppress nothing. The findings
 * are `lintDocument`'s, exactly as the CLI reports them.
 *
 * Publishing is debounced per document and runs the changed document first,
 * then the open documents that depend on it (a framework's strategies). The
 * pause before a document is analysed adapts to what its last analysis cost:
 * a small file is re-checked almost at once, a 1 MB file waits until typing
 * pauses for about as long as checking it takes, so continuous typing never
 * spends more than about half the time analysing. Work queued for a version
 * the user has already replaced is dropped.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DiagnosticSeverity, DiagnosticTag, type CodeDescription, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { SYNTAX_ERROR_ID } from '../rules/registry.js';
import type { Finding } from '../rules/rule.js';
import type { ConfigError } from '../config/load-config.js';
import { toLspRange, toLspSeverity } from './conversions.js';
import { uriOf } from './document-keys.js';
import type { Project } from './project.js';

export const DIAGNOSTIC_SOURCE = 'strategy';

/** Where the docs live relative to the bundle (dist/server.js → docs/). */
const DOCS_DIR = join(__dirname, '..', 'docs');

/**
 * Where rule pages are linked: files beside the bundle, or, for a client
 * that says it serves them read-only under a scheme of its own
 * (`initializationOptions.ruleDocsScheme`), `<scheme>:/rules/<id>.md`, so
 * that a click opens the rendered page rather than editable markdown.
 */
let docsScheme: string | undefined;

/**
 * Rule pages' links by rule id, made once each: `pathToFileURL` per finding
 * was most of the cost of publishing (issue 12), and it is asked for every
 * finding after every edit. One frozen object per rule, shared by its
 * diagnostics: the server keeps the diagnostics of every closed file.
 */
const ruleDescriptions = new Map<string, CodeDescription>();

export function setRuleDocsScheme(scheme: string | undefined): void {
  docsScheme = scheme;
  ruleDescriptions.clear();
}

function ruleCodeDescription(ruleId: string): CodeDescription {
  let description = ruleDescriptions.get(ruleId);
  if (description === undefined) {
    const page = ruleId === SYNTAX_ERROR_ID ? 'language.md' : `rules/${ruleId}.md`;
    description = Object.freeze({ href: docsScheme ? `${docsScheme}:/${page}` : pathToFileURL(join(DOCS_DIR, ...page.split('/'))).href });
    ruleDescriptions.set(ruleId, description);
  }
  return description;
}

export function ruleDocUri(ruleId: string): string {
  return ruleCodeDescription(ruleId).href;
}

/** `uriOf`, converting each key once per publication (related locations name a handful of files, thousands of times). */
function memoisedUriOf(): (key: string) => string {
  const seen = new Map<string, string>();
  return (key) => {
    let uri = seen.get(key);
    if (uri === undefined) {
      uri = uriOf(key);
      seen.set(key, uri);
    }
    return uri;
  };
}

export function toDiagnostic(finding: Finding, uriFor: (key: string) => string = uriOf): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.range),
    severity: toLspSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: ruleCodeDescription(finding.ruleId),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: uriFor(r.uri), range: toLspRange(r.range) }, message: r.message }));
  }
  if (finding.ruleId === 'unused-suppression') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** One document's findings as diagnostics, each related file's URI converted once. */
export function toDiagnostics(findings: readonly Finding[]): Diagnostic[] {
  const uriFor = memoisedUriOf();
  const out: Diagnostic[] = [];
  for (const f of findings) out.push(toDiagnostic(f, uriFor));
  return out;
}

/** What a cached diagnostic was made from: the finding's place, which moves in place with its statement. */
interface Converted {
  readonly diagnostic: Diagnostic;
  readonly places: readonly number[];
}

/** The line and character numbers a finding's diagnostic shows (offsets do not show: typing on a line moves none of the rest). */
function placesOf(finding: Finding): number[] {
  const out: number[] = [];
  const push = (r: Finding['range']): void => {
    out.push(r.start.line, r.start.character, r.end.line, r.end.character);
  };
  push(finding.range);
  for (const r of finding.related ?? []) push(r.range);
  return out;
}

/** Whether `finding` shows where `places` say (`placesOf`), compared without making its list: this runs for every finding after every edit. */
function showsAt(places: readonly number[], finding: Finding): boolean {
  const related = finding.related ?? [];
  if (places.length !== 4 * (1 + related.length) || !rangeAt(places, 0, finding.range)) return false;
  for (let i = 0; i < related.length; i++) if (!rangeAt(places, 4 * (i + 1), related[i]!.range)) return false;
  return true;
}

function rangeAt(places: readonly number[], k: number, r: Finding['range']): boolean {
  return places[k] === r.start.line && places[k + 1] === r.start.character && places[k + 2] === r.end.line && places[k + 3] === r.end.character;
}

/** Freezes a diagnostic all the way down: a frozen diagnostic may be encoded once and its JSON reused (message-encoder.ts). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * Diagnostics converted once per finding and reused while the finding shows
 * in the same place. The findings of statements an edit left alone are the
 * same objects from lint to lint (block-lint.ts), their positions moved in
 * place, so identity alone would miss a move: the lines and characters the
 * diagnostic was made from are compared each time. On a 1 MB document that is
 * ~5,100 findings per keystroke, of which the edit changes a handful. The
 * diagnostics are frozen, so the encoder may keep their JSON too.
 */
export class DiagnosticConverter {
  private readonly converted = new WeakMap<Finding, Converted>();

  convert(findings: readonly Finding[]): Diagnostic[] {
    const uriFor = memoisedUriOf();
    const out: Diagnostic[] = new Array(findings.length);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      const cached = this.converted.get(f);
      if (cached && showsAt(cached.places, f) && cached.diagnostic.codeDescription?.href === ruleDocUri(f.ruleId)) {
        out[i] = cached.diagnostic;
        continue;
      }
      const diagnostic = deepFreeze(toDiagnostic(f, uriFor));
      this.converted.set(f, { diagnostic, places: placesOf(f) });
      out[i] = diagnostic;
    }
    return out;
  }
}

/** A strategy.config.json that cannot be used, shown on the file itself. */
export function configDiagnostic(error: ConfigError): Diagnostic {
  const line = Math.max(0, (error.line ?? 1) - 1);
  const character = Math.max(0, (error.column ?? 1) - 1);
  // The whole property (key and value) where it is known, as VS Code's JSON validation underlines it.
  const end = error.end ? { line: error.end.line - 1, character: error.end.column - 1 } : { line, character: character + 1 };
  return {
    range: { start: { line, character }, end },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    // The message says what is left out ("…; it is ignored"): the rest of the config applies.
    message: error.message,
  };
}

export interface DiagnosticsSink {
  sendDiagnostics(params: PublishDiagnosticsParams): void;
}

interface Pending {
  /** When the document may be analysed (a debounce deadline). */
  notBefore: number;
}

export interface PublisherOptions {
  /** A fixed pause before analysing an edited document; unset: adaptive (see above). */
  readonly delayMs?: number;
  /** Where timings go (the protocol's trace channel: silent unless the client asks for verbose traces). */
  readonly trace?: (message: string) => void;
  /** Where faults in the analysis are written. */
  readonly onError?: (message: string) => void;
  /** False where the client pulls diagnostics (`textDocument/diagnostic`): nothing is pushed then. */
  readonly push?: boolean;
  /** Resolves once the messages written so far have left (message-writer.ts): an answer goes before the next step of an analysis. */
  readonly outputFlushed?: () => Promise<void>;
  /** Resolves once every message read from the client has been handed to its handler (message-flow.ts). */
  readonly messagesSettled?: () => Promise<void>;
}

const MIN_DELAY_MS = 10;
const MAX_DELAY_MS = 250;

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, Pending>();
  /** The armed wake-up: a timer, or (when a document is already due) the next turn. */
  private timer: { cancel(): void } | undefined;
  private draining = false;
  private readonly lastCostMs = new Map<string, number>();
  /** Documents we have published for, so closing one clears what it showed. */
  private readonly shown = new Set<string>();
  private readonly listeners: ((key: string, version: number | undefined) => void)[] = [];
  private readonly converter = new DiagnosticConverter();

  constructor(
    private readonly project: Project,
    private readonly sink: DiagnosticsSink,
    private readonly options: PublisherOptions = {},
  ) {}

  /** An open document was edited: analyse it once typing pauses. */
  documentChanged(key: string): void {
    this.enqueue(key, this.delayFor(key));
  }

  /** Analyse these documents as soon as the queue allows. */
  scheduleNow(keys: Iterable<string>): void {
    for (const key of keys) this.enqueue(key, 0);
  }

  /** A document was closed: it no longer shows diagnostics. */
  documentClosed(key: string): void {
    this.pending.delete(key);
    this.lastCostMs.delete(key);
    if (this.shown.delete(key)) this.sink.sendDiagnostics({ uri: uriOf(key), diagnostics: [] });
  }

  /** Called after each publication (tests and benchmarks wait on the notification itself). */
  onPublished(listener: (key: string, version: number | undefined) => void): void {
    this.listeners.push(listener);
  }

  private delayFor(key: string): number {
    if (this.options.delayMs !== undefined) return this.options.delayMs;
    const cost = this.lastCostMs.get(key) ?? 0;
    return Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, cost));
  }

  private enqueue(key: string, delay: number): void {
    if (this.options.push === false) return;
    const notBefore = performance.now() + delay;
    const existing = this.pending.get(key);
    // A later edit pushes the deadline back; an urgent request brings it forward.
    if (!existing || delay > 0 || notBefore < existing.notBefore) this.pending.set(key, { notBefore });
    this.arm();
  }

  private arm(): void {
    if (this.draining || this.pending.size === 0) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const p of this.pending.values()) earliest = Math.min(earliest, p.notBefore);
    this.timer?.cancel();
    const wait = earliest - performance.now();
    // Due now (no pause configured, or a document scheduled at once): the next turn, not a timer, which waits a
    // millisecond at least (Node's minimum), a twentieth of an edit's whole analysis on a 1 MB document.
    if (wait <= 0) {
      const immediate = setImmediate(() => void this.drain());
      this.timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(() => void this.drain(), wait);
      this.timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  private async drain(): Promise<void> {
    this.timer = undefined;
    if (this.draining || !this.project.isReady) return;
    this.draining = true;
    try {
      for (;;) {
        const key = this.nextDue();
        if (key === undefined) break;
        this.pending.delete(key);
        try {
          await this.analyseAndPublish(key);
        } catch (e) {
          // A fault in the analysis must cost one document's diagnostics, not the whole queue.
          this.options.onError?.(`Diagnostics for ${key} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        // Let requests and newer edits in between documents.
        await nextTurn();
      }
    } finally {
      this.draining = false;
      this.arm();
    }
  }

  private nextDue(): string | undefined {
    const now = performance.now();
    for (const [key, p] of this.pending) if (p.notBefore <= now) return key;
    return undefined;
  }

  /**
   * Lets the requests waiting on the connection go first, and their answers
   * leave: two turns, since the connection reads a message in one turn and
   * dispatches it in the next (vscode-jsonrpc queues it with setImmediate),
   * then until every message read meanwhile has been dispatched too (one
   * read just before the second turn is dispatched after it), then until
   * what they wrote has been taken by the client.
   */
  private async yieldToRequests(): Promise<void> {
    await nextTurn();
    await nextTurn();
    await this.options.messagesSettled?.();
    await this.options.outputFlushed?.();
  }

  private async analyseAndPublish(key: string): Promise<void> {
    if (!this.project.isOpen(key)) return;
    await this.project.ensureSettings(key);
    // Requests that came with the edit (a completion typed with it) go before the reparse: they answer from
    // the last analysis and the text as it is now (Project.textView), so they need not wait for it.
    await this.yieldToRequests();
    if (!this.project.isOpen(key)) return;
    const version = this.project.versionOf(key);
    const started = performance.now();
    this.project.analysed(key);
    const parsedIn = performance.now() - started;
    // Between parsing and linting, requests waiting on the connection go first (one turn let the lint run
    // before a completion typed with the edit), and their answers leave.
    await this.yieldToRequests();
    if (!this.project.isOpen(key) || this.project.versionOf(key) !== version) return;
    const lintStarted = performance.now();
    const result = this.project.lint(key);
    if (!result) return;
    const lintedIn = performance.now() - lintStarted;
    this.lastCostMs.set(key, parsedIn + lintedIn);
    // And again before publishing, which converts and encodes every finding (thousands on a large document):
    // a request that came during the lint goes first. What is published is this version's, even if newer edits came.
    await this.yieldToRequests();
    if (!this.project.isOpen(key)) return;
    // Unless a newer version was linted meanwhile (a code action after an edit): that lint moved these findings
    // to its own positions, and its edit has queued its own publication.
    if (this.project.versionOf(key) !== version && !this.project.isLatestLint(key, result)) return;
    const uri = uriOf(key);
    this.sink.sendDiagnostics({ uri, version, diagnostics: this.converter.convert(result.findings) });
    this.options.trace?.(`diagnostics ${uri} v${version ?? '?'}: parse ${parsedIn.toFixed(1)} ms, lint ${lintedIn.toFixed(1)} ms, ${result.findings.length} findings`);
    this.shown.add(key);
    for (const listener of this.listeners) listener(key, version);
  }
}
