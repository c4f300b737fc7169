/**
 * What the server and the extension say to each other beyond LSP itself,
 * declared once and typed, for both sides to import. Methods are plain
 * strings with their parameter types beside them: the server's and the
 * client's libraries each bundle their own copy of vscode-jsonrpc, whose
 * message-type classes do not mix.
 */
import type { Location, Position } from 'vscode-languageserver-protocol';

/** The server's state, for the status bar: indexing the workspace, or ready. */
export interface StatusParams {
  readonly state: 'indexing' | 'ready';
  /** .strategy files indexed so far (all of them, once ready). */
  readonly files: number;
  readonly frameworks: number;
  /** Time the index took, once ready. */
  readonly durationMs?: number;
}

/** Notification, server → client, with `StatusParams`. */
export const STATUS_NOTIFICATION = 'strategy/status';

/**
 * The command code lenses run ("supported by 3 local commitments"): show
 * these locations in a references peek. The client registers it, turning
 * the JSON arguments into the editor's own types and calling its
 * show-references command.
 */
export const SHOW_REFERENCES_COMMAND = 'strategy.showReferences';
export type ShowReferencesArguments = [uri: string, position: Position, locations: Location[]];

/**
 * The command a quick fix that inserts a blank to fill (`owner ""`) runs
 * after its edit, for clients that take no snippet edits but can be asked
 * to show a document (`window/showDocument`): the server executes it by
 * showing this document with the cursor at this position.
 */
export const PLACE_CURSOR_COMMAND = 'strategy.placeCursor';
export type PlaceCursorArguments = [uri: string, position: Position];

/** What a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /**
   * A fixed pause, in milliseconds, between an edit and the diagnostics run it
   * triggers. Unset: the pause adapts to what checking the document costs.
   */
  readonly diagnosticsDelay?: number;
  /**
   * False when the workspace is not trusted (VS Code's Restricted Mode): the
   * server then reads only files inside the workspace folders (no framework
   * or indicator file a workspace's strategy.config.json names outside them).
   * Unset: trusted.
   */
  readonly workspaceTrusted?: boolean;
  /**
   * A URI scheme under which the client serves the rule pages (docs/ of the
   * extension) read-only: diagnostics then link `<scheme>:/rules/<id>.md`.
   */
  readonly ruleDocsScheme?: string;
}

/**
 * Request, client → server, with `ReportPreviewParams`: the reviewer's report
 * of one open document (as `strategy report` builds it), rendered for the
 * extension's preview webview. Answers `ReportPreviewResult`, or null when
 * the document is not one the server knows.
 */
export const REPORT_PREVIEW_REQUEST = 'strategy/reportPreview';

export interface ReportPreviewParams {
  readonly uri: string;
  /** A fresh nonce for the page's one style and one script element. */
  readonly nonce: string;
  /** The webview's `cspSource`. */
  readonly cspSource: string;
}

export interface ReportPreviewResult {
  /** The whole page, for the first load. */
  readonly html: string;
  /** The page's report alone, for updates in place. */
  readonly body: string;
  readonly title: string;
  /** The version of the document the report describes. */
  readonly version: number | null;
  /** File names as the report shows them → the URIs to reveal them in. */
  readonly files: Readonly<Record<string, string>>;
}

/** What the preview's page posts to the extension: a `file:line` button was pressed. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly file: string;
  readonly line: number;
  readonly column: number;
}
