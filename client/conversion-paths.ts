/**
 * Where the convert command writes its result: beside the source, with the
 * `.strategy` extension. Pure (no `vscode`, no file system) so that the
 * naming rules are tested without an editor.
 */
import { basename, dirname, extname, join } from 'node:path';
import { CONVERTIBLE_EXTENSIONS } from './command-ids.js';

export function isConvertible(path: string): boolean {
  return (CONVERTIBLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/** `seeds/plan.docx` → `seeds/plan.strategy`. */
export function targetPathFor(sourcePath: string): string {
  return join(dirname(sourcePath), `${basename(sourcePath, extname(sourcePath))}.strategy`);
}

/**
 * The first of `plan-2.strategy`, `plan-3.strategy`… that `exists` says is
 * free: the "keep both" answer when the user does not want to overwrite.
 */
export function freeTargetPath(targetPath: string, exists: (path: string) => boolean): string {
  const dir = dirname(targetPath);
  const stem = basename(targetPath, '.strategy');
  for (let n = 2; ; n++) {
    const candidate = join(dir, `${stem}-${n}.strategy`);
    if (!exists(candidate)) return candidate;
  }
}
