/**
 * A lint run's workspace: the files to lint, and the framework files they may
 * name (the configured framework paths), loaded into one Workspace.
 */
import { readFileSync } from 'node:fs';
import { Workspace } from '../analysis/workspace.js';
import { displayPath, expandPaths, type IgnoreOptions, type PathProblem } from '../workspace-files/files.js';

export interface LoadedProject {
  readonly workspace: Workspace;
  /** Absolute paths of the files to report on, in order. */
  readonly targets: string[];
  readonly problems: PathProblem[];
}

export function readTextFile(path: string): { text: string } | { error: string } {
  try {
    const buffer = readFileSync(path);
    // A byte-order mark is not part of the text.
    const text = buffer.toString('utf8').replace(/^\ufeff/, '');
    return { text };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? String(e)})` };
  }
}

export function loadProject(targets: readonly string[], contextPaths: readonly string[], cwd: string, ignore: IgnoreOptions): LoadedProject {
  const workspace = new Workspace();
  const problems: PathProblem[] = [];
  const loaded: string[] = [];
  for (const file of targets) {
    const r = readTextFile(file);
    if ('error' in r) problems.push({ path: displayPath(file, cwd), message: r.error });
    else {
      workspace.set(file, r.text);
      loaded.push(file);
    }
  }
  if (contextPaths.length > 0) {
    const context = expandPaths(contextPaths, cwd, ignore);
    for (const p of context.problems) problems.push({ path: p.path, message: `framework path: ${p.message}` });
    for (const file of context.files) {
      if (workspace.has(file)) continue;
      const r = readTextFile(file);
      if ('error' in r) problems.push({ path: displayPath(file, cwd), message: `framework file ${r.error}` });
      else workspace.set(file, r.text);
    }
  }
  return { workspace, targets: loaded, problems };
}
