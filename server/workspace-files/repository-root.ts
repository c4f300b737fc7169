/**
 * The repository a folder belongs to: the nearest folder, from it upwards,
 * that holds `.git` (a folder, or the file a worktree or submodule has).
 * Config lookup and ignore files stop there, as git and markdownlint-cli2 do.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const cache = new Map<string, string | undefined>();

export function repositoryRoot(dir: string): string | undefined {
  if (cache.has(dir)) return cache.get(dir);
  let found: string | undefined;
  if (existsSync(join(dir, '.git'))) found = dir;
  else {
    const parent = dirname(dir);
    found = parent === dir ? undefined : repositoryRoot(parent);
  }
  cache.set(dir, found);
  return found;
}

/** Forgets what was found (a repository created or removed while a server runs). */
export function forgetRepositoryRoots(): void {
  cache.clear();
}
