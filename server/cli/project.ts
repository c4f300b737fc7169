/**
 * A lint run's workspace: the files to lint, and the framework files they may
 * name (the configured framework paths), loaded into one Workspace.
 */
import { readBoundedTextFile, type TextShape } from '../analysis/text-file.js';
import { Workspace } from '../analysis/workspace.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { mayDeclareFramework } from '../../grammar/index.js';
import { displayPath, expandPaths, type IgnoreOptions, type PathProblem } from '../workspace-files/files.js';

export interface LoadedProject {
  readonly workspace: Workspace;
  /** Absolute paths of the files to report on, in order. */
  readonly targets: string[];
  readonly problems: PathProblem[];
  /** The byte-order mark and line endings of each target, for a rewrite to keep. */
  readonly shapes: ReadonlyMap<string, TextShape>;
  /**
   * With `deferParsing`: the targets that declare no framework, not yet
   * parsed (nothing else depends on them; see `documentFor`). Their texts
   * are read again when they are linted rather than held: a thousand files'
   * texts were most of what a run kept.
   */
  readonly deferred: ReadonlySet<string>;
}

export interface LoadOptions {
  /**
   * Parse up front only the files that may declare a framework (what other
   * files depend on); the rest are parsed when they are linted and let go
   * after, so a run holds one tree at a time rather than all of them.
   */
  readonly deferParsing?: boolean;
}

/**
 * The analysis of a target: from the workspace, or parsed now from its
 * deferred text (and added to the workspace until `release`).
 */
export function documentFor(project: LoadedProject, path: string): AnalysedDocument | undefined {
  const doc = project.workspace.get(path);
  if (doc) return doc;
  if (!project.deferred.has(path)) return undefined;
  const r = readTextFile(path);
  if ('error' in r) throw new UnreadableFileError(r.error);
  return project.workspace.set(path, r.text);
}

/** A deferred target that could not be read again when its turn came (removed or changed meanwhile). */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

/** Lets go of a deferred target's tree once it is reported. */
export function release(project: LoadedProject, path: string): void {
  if (project.deferred.has(path)) project.workspace.delete(path);
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

export function loadProject(targets: readonly string[], contextPaths: readonly string[], cwd: string, ignore: IgnoreOptions, options: LoadOptions = {}): LoadedProject {
  const workspace = new Workspace();
  const deferred = new Set<string>();
  const problems: PathProblem[] = [];
  const loaded: string[] = [];
  const shapes = new Map<string, TextShape>();
  for (const file of targets) {
    const r = readTextFile(file);
    if ('error' in r) problems.push({ path: displayPath(file, cwd), message: r.error });
    else if (options.deferParsing && !mayDeclareFramework(r.text)) {
      deferred.add(file);
      loaded.push(file);
      shapes.set(file, r.shape);
    } else {
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
      if (workspace.has(file) || deferred.has(file)) continue;
      const r = readTextFile(file);
      if ('error' in r) problems.push({ path: displayPath(file, cwd), message: `framework file ${r.error}` });
      else {
        const failure = addToWorkspace(workspace, file, r.text);
        if (failure) problems.push({ path: displayPath(file, cwd), message: `framework file: ${failure}` });
      }
    }
  }
  return { workspace, targets: loaded, problems, shapes, deferred };
}
