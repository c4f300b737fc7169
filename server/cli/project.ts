/**
 * A lint run's workspace: the files to lint, and the framework files they may
 * name (the configured framework paths), loaded into one Workspace.
 */
import { readBoundedTextFile, type TextShape } from '../analysis/text-file.js';
import { Workspace } from '../analysis/workspace.js';
import { displayPath, expandPaths, type PathProblem } from './files.js';

export interface LoadedProject {
  readonly workspace: Workspace;
  /** Absolute paths of the files to report on, in order. */
  readonly targets: string[];
  readonly problems: PathProblem[];
  /** The byte-order mark and line endings of each target, for a rewrite to keep. */
  readonly shapes: ReadonlyMap<string, TextShape>;
}

/**
 * A file's text (without its byte-order mark) and shape, or why it cannot be
 * used: not a regular file, too large, binary or not UTF-8.
 */
export function readTextFile(path: string): { text: string; shape: TextShape } | { error: string } {
  const r = readBoundedTextFile(path);
  return r.ok ? { text: r.text, shape: { bom: r.bom, eol: r.eol } } : { error: r.error };
}

/** What an unexpected exception says, for a one-line error naming the file. */
export function describeInternalError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `internal error (${message.split('\n')[0]}). Please report this with the file.`;
}

/** Adds a file to the workspace; an exception while analysing it is that file's problem, not the run's. */
function addToWorkspace(workspace: Workspace, file: string, text: string): string | undefined {
  try {
    workspace.set(file, text);
    return undefined;
  } catch (e) {
    workspace.delete(file);
    return describeInternalError(e);
  }
}

export function loadProject(targets: readonly string[], contextPaths: readonly string[], cwd: string, ignore: readonly string[]): LoadedProject {
  const workspace = new Workspace();
  const problems: PathProblem[] = [];
  const loaded: string[] = [];
  const shapes = new Map<string, TextShape>();
  for (const file of targets) {
    const r = readTextFile(file);
    if ('error' in r) problems.push({ path: displayPath(file, cwd), message: r.error });
    else {
      const failure = addToWorkspace(workspace, file, r.text);
      if (failure) problems.push({ path: displayPath(file, cwd), message: failure });
      else {
        loaded.push(file);
        shapes.set(file, r.shape);
      }
    }
  }
  if (contextPaths.length > 0) {
    const context = expandPaths(contextPaths, cwd, ignore);
    for (const p of context.problems) problems.push({ path: p.path, message: `framework path: ${p.message}` });
    for (const file of context.files) {
      if (workspace.has(file)) continue;
      const r = readTextFile(file);
      if ('error' in r) problems.push({ path: displayPath(file, cwd), message: `framework file ${r.error}` });
      else {
        const failure = addToWorkspace(workspace, file, r.text);
        if (failure) problems.push({ path: displayPath(file, cwd), message: `framework file: ${failure}` });
      }
    }
  }
  return { workspace, targets: loaded, problems, shapes };
}
