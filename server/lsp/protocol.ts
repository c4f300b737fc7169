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
   * A URI scheme under which the client serves the rule pages (docs/ of the
   * extension) read-only: diagnostics then link `<scheme>:/rules/<id>.md`.
   */
  readonly ruleDocsScheme?: string;
}
