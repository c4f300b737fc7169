/**
 * `lintDocument`, remembering what it found in each top-level statement, for
 * the language server, which lints the same document again after every edit.
 *
 * Rules that look only at the statement they visit (and at what the whole
 * document shares: its kind, header, period, framework, catalogue) are run
 * per top-level statement, and their findings kept with that statement; a
 * statement the edit left alone keeps them (moved with it when the edit
 * changed the offsets or lines before it). Rules that compare across the
 * document (`DOCUMENT_WIDE_RULES`) run on the whole tree every time, as do
 * suppressions, syntax errors and the sort: the same `runRules` and
 * `finishFindings` that `lintDocument` is made of, so the result is the
 * same (test/lsp/block-lint.test.ts holds it to that with random edits).
 *
 * A statement is known by identity: the incremental reparse keeps the
 * statements an edit leaves alone, moving those after it in place. What is
 * kept for a statement remembers where the statement stood; if it has moved
 * since, the findings (and what the document-wide rules gathered from it)
 * are moved by as much, in place. What is kept is a copy, never the tree's
 * own ranges, so that moving the tree does not move it behind the cache's
 * back; a lint's findings are therefore valid until the next lint of the
 * same document (which may move them).
 */
import { collectPositions, shiftPositions } from '../../grammar/incremental-parse.js';
import type { Statement } from '../../grammar/index.js';
import { RULES } from '../rules/registry.js';
import type { Finding, Rule, RuleContext } from '../rules/rule.js';
import type { AnalysedDocument } from './document-model.js';
import { finishFindings, frameworkFor, runRules, type LintResult, type LintSettings } from './engine.js';
import type { FrameworkIndex } from './framework-index.js';
import type { Workspace } from './workspace.js';

/**
 * Rules whose findings in one statement depend on other statements of the
 * document (ids and numbering compared across it, acronyms defined anywhere
 * in it, suppressions anywhere): never cached per statement. A new rule that
 * compares across statements belongs here (the equivalence test fails when
 * it is missing).
 */
export const DOCUMENT_WIDE_RULES: ReadonlySet<string> = new Set(['duplicate-id', 'numbering-gap', 'undefined-acronym', 'unused-suppression']);

const WIDE: readonly Rule[] = RULES.filter((r) => DOCUMENT_WIDE_RULES.has(r.meta.id));
const LOCAL: readonly Rule[] = RULES.filter((r) => !DOCUMENT_WIDE_RULES.has(r.meta.id));

/** What every cached finding depends on besides its own statement. */
interface Context {
  readonly workspaceGeneration: number;
  readonly settings: LintSettings;
  readonly framework: FrameworkIndex | undefined;
  readonly header: Statement | undefined;
  readonly uri: string;
}

function sameContext(a: Context, b: Context): boolean {
  return a.workspaceGeneration === b.workspaceGeneration && a.settings === b.settings && a.framework === b.framework && a.header === b.header && a.uri === b.uri;
}

/** A position as kept here: moved in place by the cache, never shared (see `detach`). */
interface Movable {
  line: number;
  offset: number;
}

/** The positions that move with a statement's findings; related places in other files stay where they are. */
function collectFindings(findings: readonly Finding[], uri: string, out: Movable[]): void {
  for (const f of findings) {
    collectPositions(f.range, out);
    for (const r of f.related ?? []) if (r.uri === uri) collectPositions(r.range, out);
    collectPositions(f.fix, out);
    collectPositions(f.suggestions, out);
  }
}

/**
 * Something kept for a statement, and where the statement started when it
 * was made. Its positions are listed the first time it moves, so that moving
 * it again is a loop over them: a walk of every finding's object graph after
 * each keystroke was the lint's largest cost on a 1 MB document (profiled).
 */
interface Kept<T> {
  readonly value: T;
  offset: number;
  line: number;
  positions?: Movable[];
}

/** A deep copy of plain data (findings, gathered ranges): nothing in it is the tree's, no position in it shared. */
function detach<T>(value: T): T {
  return shiftPositions(value, 0, 0);
}

/**
 * What was kept for `statement`, moved (in place) to where the statement
 * stands now, or undefined if nothing was.
 */
function keptFor<T>(table: Map<Statement, Kept<T>> | WeakMap<Statement, Kept<T>>, statement: Statement, collect: (value: T, out: Movable[]) => void): T | undefined {
  const kept = table.get(statement);
  if (!kept) return undefined;
  const { offset, line } = statement.range.start;
  if (kept.offset !== offset || kept.line !== line) {
    if (!kept.positions) {
      kept.positions = [];
      collect(kept.value, kept.positions);
    }
    const offsetDelta = offset - kept.offset;
    const lineDelta = line - kept.line;
    const list = kept.positions;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      p.offset += offsetDelta;
      p.line += lineDelta;
    }
    kept.offset = offset;
    kept.line = line;
  }
  return kept.value;
}

export class BlockLinter {
  private context: Context | undefined;
  /** The findings of local rules per statement of the last lint. */
  private findings = new Map<Statement, Kept<readonly Finding[]>>();
  /** What document-wide rules gathered per statement (`RuleContext.perStatement`), by rule id. */
  private memo = new Map<string, WeakMap<Statement, Kept<unknown>>>();

  lint(doc: AnalysedDocument, workspace: Workspace, settings: LintSettings, workspaceGeneration: number): LintResult {
    const framework = frameworkFor(doc, workspace);
    const context: Context = { workspaceGeneration, settings, framework, header: doc.header, uri: doc.uri };
    if (!this.context || !sameContext(this.context, context)) {
      this.findings = new Map();
      this.memo = new Map();
    }
    const uri = doc.uri;
    const collect = (list: readonly Finding[], out: Movable[]): void => collectFindings(list, uri, out);
    const items = doc.parsed.document.items;
    const next = new Map<Statement, Kept<readonly Finding[]>>();
    const raw: Finding[] = [];
    for (const item of items) {
      const kept = keptFor(this.findings, item, collect);
      const list = kept ?? detach(runRules(doc, workspace, settings, LOCAL, [item], framework));
      // A kept entry is the same object, moved in place; a new one remembers where its statement stands.
      next.set(item, this.findings.get(item) ?? { value: list, offset: item.range.start.offset, line: item.range.start.line });
      for (const f of list) raw.push(f);
    }
    this.context = context;
    // Statements the edits replaced are let go with their findings.
    this.findings = next;
    for (const f of runRules(doc, workspace, settings, WIDE, items, framework, (ruleId) => this.perStatementFor(ruleId))) raw.push(f);
    return finishFindings(doc, raw, settings);
  }

  private perStatementFor(ruleId: string): RuleContext['perStatement'] {
    let table = this.memo.get(ruleId);
    if (!table) {
      table = new WeakMap();
      this.memo.set(ruleId, table);
    }
    const kept = table;
    return <T>(statement: Statement, compute: () => T): T => {
      // What `detach` made shares no position, so each is listed once.
      const found = keptFor(kept, statement, (value, out: Movable[]) => collectPositions(value, out));
      if (found !== undefined) return found as T;
      const value = detach(compute());
      kept.set(statement, { value, offset: statement.range.start.offset, line: statement.range.start.line });
      return value;
    };
  }

  /** Forgets everything (the document closed). */
  clear(): void {
    this.context = undefined;
    this.findings = new Map();
    this.memo = new Map();
  }
}
