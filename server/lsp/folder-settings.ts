/**
 * The workspace folders and the settings each document is linted with: the
 * strategy.config.json files that apply to the document's own folder, looked
 * up exactly as `strategy lint` looks them up (nearest first, up to a
 * `"root": true`, the repository root or the filesystem root), refined by the
 * client's settings for the workspace folder. A document outside every
 * folder gets its own folder's configs and the client's global settings
 * (in Restricted Mode the client's settings only: no file outside the
 * folders is read).
 */
import { dirname, sep } from 'node:path';
import { ConfigResolver, type ConfigError } from '../config/load-config.js';
import type { IgnoreOptions } from '../workspace-files/files.js';
import { forgetRepositoryRoots } from '../workspace-files/repository-root.js';
import { isFileKey, keyOf, uriOf } from './document-keys.js';
import { DEFAULT_EFFECTIVE_SETTINGS, EMPTY_CLIENT_SETTINGS, effectiveSettings, readClientSettings, type ClientSettings, type EffectiveSettings } from './settings.js';

export interface FolderState {
  readonly uri: string;
  readonly path: string;
  /** The settings at the folder's root. */
  settings: EffectiveSettings;
  client: ClientSettings;
  clientProblems: readonly string[];
}

/** The client's `strategy` settings for a folder or document (undefined: global). */
export type ClientSettingsSource = (scopeUri: string | undefined) => Promise<unknown>;

interface LooseScope {
  readonly client: ClientSettings;
  readonly problems: readonly string[];
}

export class FolderSettings {
  private folders: FolderState[] = [];
  /** Client settings of loose documents, by directory ('' for untitled ones). */
  private readonly loose = new Map<string, LooseScope>();
  /** Settings by directory, computed on first use. */
  private readonly byDir = new Map<string, EffectiveSettings>();
  private resolver = new ConfigResolver();

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

  /** A resolver for the current folders: in Restricted Mode it reads no file outside them. */
  private freshResolver(): ConfigResolver {
    const confineTo = this.confinement();
    return new ConfigResolver(confineTo ? { confineTo } : {});
  }

  set(folders: readonly { uri: string }[]): void {
    this.folders = [];
    this.add(folders);
  }

  /** Adds folders (their settings still to be loaded); returns the ones that were new. */
  add(folders: readonly { uri: string }[]): FolderState[] {
    const fresh = folders
      .filter((f) => f.uri.startsWith('file:') && !this.folders.some((g) => g.uri === f.uri))
      .map((f): FolderState => ({ uri: f.uri, path: keyOf(f.uri), settings: DEFAULT_EFFECTIVE_SETTINGS, client: EMPTY_CLIENT_SETTINGS, clientProblems: [] }));
    this.folders.push(...fresh);
    this.byDir.clear();
    // In Restricted Mode what may be read depends on the folders.
    if (this.isRestricted()) this.resolver = this.freshResolver();
    return fresh;
  }

  /** Removes folders; returns the ones removed. */
  remove(folders: readonly { uri: string }[]): FolderState[] {
    const gone = new Set(folders.map((f) => f.uri));
    const leaving = this.folders.filter((f) => gone.has(f.uri));
    this.folders = this.folders.filter((f) => !gone.has(f.uri));
    this.byDir.clear();
    if (this.isRestricted()) {
      // What may be read depends on the folders: the remaining folders' settings are computed again.
      this.resolver = this.freshResolver();
      for (const folder of this.folders) folder.settings = this.settingsFor(folder.path + sep + '.');
    }
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
    return this.computed(key)?.settings ?? DEFAULT_EFFECTIVE_SETTINGS;
  }

  /** The settings of `key`'s folder, and whether they were computed just now. */
  private computed(key: string): { settings: EffectiveSettings; fresh: boolean } | undefined {
    const folder = this.folderFor(key);
    const scope = isFileKey(key) ? dirname(key) : '';
    const loose = folder ? undefined : this.loose.get(scope);
    if (!folder && !loose) return undefined;
    const cacheKey = folder ? scope : `loose:${scope}`;
    const cached = this.byDir.get(cacheKey);
    if (cached) return { settings: cached, fresh: false };
    const confineTo = this.confinement();
    const settings = folder
      ? effectiveSettings(scope || folder.path, folder.path, folder.client, folder.clientProblems, this.resolver, confineTo)
      : // In Restricted Mode a document outside the folders gets no configuration of its own directory.
        effectiveSettings(scope === '' || confineTo ? undefined : scope, undefined, loose!.client, loose!.problems, this.resolver, confineTo);
    this.byDir.set(cacheKey, settings);
    return { settings, fresh: true };
  }

  /**
   * Reads every folder's client settings and every config file again, and
   * forgets those of loose documents (read again on demand).
   */
  async reload(folders: readonly FolderState[] = this.folders): Promise<void> {
    this.resolver = this.freshResolver();
    forgetRepositoryRoots();
    this.byDir.clear();
    for (const folder of folders) {
      const { settings, problems } = readClientSettings(await this.clientSettings(folder.uri));
      folder.client = settings;
      folder.clientProblems = problems;
    }
    // A key for a file at the folder's root stands for the folder itself.
    for (const folder of this.folders) folder.settings = this.settingsFor(folder.path + sep + '.');
    if (folders === this.folders) this.loose.clear();
  }

  /** Loads a document's settings if they are not loaded; returns them when it did. */
  async ensure(key: string): Promise<EffectiveSettings | undefined> {
    if (!this.folderFor(key)) {
      const scope = isFileKey(key) ? dirname(key) : '';
      if (!this.loose.has(scope)) {
        const { settings, problems } = readClientSettings(await this.clientSettings(isFileKey(key) ? uriOf(key) : undefined));
        this.loose.set(scope, { client: settings, problems });
      }
    }
    const computed = this.computed(key);
    return computed?.fresh ? computed.settings : undefined;
  }

  /** Every settings object in use, with the folder or directory it applies to. */
  all(): { scope: string; settings: EffectiveSettings }[] {
    return [...this.folders.map((f) => ({ scope: f.path, settings: f.settings })), ...[...this.byDir].map(([scope, settings]) => ({ scope: scope.replace(/^loose:/, ''), settings }))];
  }

  /** How the walks leave files out: ignore files, and each config's `ignore` in its own folder. */
  ignoreOptions(): IgnoreOptions {
    const resolver = this.resolver;
    return { configIgnore: (dir) => resolver.configIgnoreIn(dir) };
  }

  /** The problems of every config file read so far (by the lookups and the walks), each at its line. */
  configProblems(): readonly ConfigError[] {
    return this.resolver.problems();
  }
}
