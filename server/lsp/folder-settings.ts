/**
 * The workspace folders and the settings each document is linted with: its
 * folder's (strategy.config.json at the folder root, refined by the client's
 * settings for that folder), or, for a document outside every folder, those
 * of its own directory, as `strategy lint` run there would use.
 */
import { dirname, sep } from 'node:path';
import { isFileKey, keyOf, uriOf } from './document-keys.js';
import { DEFAULT_EFFECTIVE_SETTINGS, effectiveSettings, readClientSettings, type EffectiveSettings } from './settings.js';

export interface FolderState {
  readonly uri: string;
  readonly path: string;
  settings: EffectiveSettings;
}

/** The client's `strategy` settings for a folder or document (undefined: global). */
export type ClientSettingsSource = (scopeUri: string | undefined) => Promise<unknown>;

export class FolderSettings {
  private folders: FolderState[] = [];
  private readonly loose = new Map<string, EffectiveSettings>();

  /**
   * `isRestricted`: whether the workspace is untrusted (Restricted Mode). Then
   * only files inside the workspace folders are read: no configuration of a
   * document outside them, no framework or indicator file outside them.
   */
  constructor(
    private readonly clientSettings: ClientSettingsSource,
    private readonly isRestricted: () => boolean = () => false,
  ) {}

  private confinement(): readonly string[] | undefined {
    return this.isRestricted() ? this.folders.map((f) => f.path) : undefined;
  }

  set(folders: readonly { uri: string }[]): void {
    this.folders = [];
    this.add(folders);
  }

  /** Adds folders (their settings still to be loaded); returns the ones that were new. */
  add(folders: readonly { uri: string }[]): FolderState[] {
    const fresh = folders
      .filter((f) => f.uri.startsWith('file:') && !this.folders.some((g) => g.uri === f.uri))
      .map((f) => ({ uri: f.uri, path: keyOf(f.uri), settings: DEFAULT_EFFECTIVE_SETTINGS }));
    this.folders.push(...fresh);
    return fresh;
  }

  /** Removes folders; returns the ones removed. */
  remove(folders: readonly { uri: string }[]): FolderState[] {
    const gone = new Set(folders.map((f) => f.uri));
    const leaving = this.folders.filter((f) => gone.has(f.uri));
    this.folders = this.folders.filter((f) => !gone.has(f.uri));
    return leaving;
  }

  get list(): readonly FolderState[] {
    return this.folders;
  }

  /** The innermost folder holding `key`. */
  folderFor(key: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const f of this.folders) {
      const inside = key === f.path || key.startsWith(f.path.endsWith(sep) ? f.path : f.path + sep);
      if (inside && (!best || f.path.length > best.path.length)) best = f;
    }
    return best;
  }

  settingsFor(key: string): EffectiveSettings {
    return this.folderFor(key)?.settings ?? this.loose.get(looseScope(key)) ?? DEFAULT_EFFECTIVE_SETTINGS;
  }

  /** Reads every folder's settings again, and forgets those of loose documents (read again on demand). */
  async reload(folders: readonly FolderState[] = this.folders): Promise<void> {
    for (const folder of folders) {
      const { settings, problems } = readClientSettings(await this.clientSettings(folder.uri));
      folder.settings = effectiveSettings(folder.path, settings, problems, this.confinement());
    }
    if (folders === this.folders) this.loose.clear();
  }

  /** Loads a loose document's settings if they are not loaded; returns them when it did. */
  async ensure(key: string): Promise<EffectiveSettings | undefined> {
    if (this.folderFor(key)) return undefined;
    const scope = looseScope(key);
    if (this.loose.has(scope)) return undefined;
    const { settings, problems } = readClientSettings(await this.clientSettings(isFileKey(key) ? uriOf(key) : undefined));
    const confineTo = this.confinement();
    // In Restricted Mode a document outside the folders gets no configuration of its own directory.
    const effective = effectiveSettings(scope === '' || confineTo ? undefined : scope, settings, problems, confineTo);
    this.loose.set(scope, effective);
    return effective;
  }

  /** Every settings object in use, with the folder or directory it applies to. */
  all(): { scope: string; settings: EffectiveSettings }[] {
    return [...this.folders.map((f) => ({ scope: f.path, settings: f.settings })), ...[...this.loose].map(([scope, settings]) => ({ scope, settings }))];
  }
}

/** Documents outside every folder share settings per directory ('' for untitled ones). */
function looseScope(key: string): string {
  return isFileKey(key) ? dirname(key) : '';
}
