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
 */
import type { ReparseEdit } from '../../grammar/incremental-parse.js';
import { shiftPositions } from '../../grammar/incremental-parse.js';
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

/** A finding moved with its statement; related places in other files stay where they are. */
function shiftFinding(f: Finding, uri: string, offsetDelta: number, lineDelta: number): Finding {
  const moved: Finding = { ...f, range: shiftPositions(f.range, offsetDelta, lineDelta) };
  return {
    ...moved,
    ...(f.related ? { related: f.related.map((r) => (r.uri === uri ? { ...r, range: shiftPositions(r.range, offsetDelta, lineDelta) } : r)) } : {}),
    ...(f.fix ? { fix: shiftPositions(f.fix, offsetDelta, lineDelta) } : {}),
    ...(f.suggestions ? { suggestions: shiftPositions(f.suggestions, offsetDelta, lineDelta) } : {}),
  };
}

/** How a document's statements came from an earlier parse's (`from`, its top-level statements). */
export interface StatementChange {
  readonly from: readonly Statement[];
  readonly edit: ReparseEdit;
}

export class BlockLinter {
  private context: Context | undefined;
  private previousItems: readonly Statement[] = [];
  /** The per-statement findings of the previous lint, by position in `previousItems`. */
  private previousFindings: (readonly Finding[])[] = [];
  /** What document-wide rules gathered per statement (`RuleContext.perStatement`), by rule id. */
  private memo = new Map<string, WeakMap<Statement, unknown>>();

  /**
   * Lints `doc`. `change`, when given, says how `doc`'s statements came
   * from an earlier parse's (from the incremental reparse).
   */
  lint(doc: AnalysedDocument, workspace: Workspace, settings: LintSettings, workspaceGeneration: number, change?: StatementChange): LintResult {
    // An edit relates the statements to those it was made from: only useful if those are the ones linted last.
    const edit = change && change.from === this.previousItems ? change.edit : undefined;
    const framework = frameworkFor(doc, workspace);
    const context: Context = { workspaceGeneration, settings, framework, header: doc.header, uri: doc.uri };
    if (!this.context || !sameContext(this.context, context)) {
      this.previousItems = [];
      this.previousFindings = [];
      this.memo = new Map();
    }
    const items = doc.parsed.document.items;
    const perItem: (readonly Finding[])[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      perItem[i] = this.reused(i, item, doc.uri, edit) ?? runRules(doc, workspace, settings, LOCAL, [item], framework);
    }
    this.context = context;
    this.previousItems = items;
    this.previousFindings = perItem;
    const raw: Finding[] = [];
    for (const list of perItem) for (const f of list) raw.push(f);
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
      if (kept.has(statement)) return kept.get(statement) as T;
      const value = compute();
      kept.set(statement, value);
      return value;
    };
  }

  /**
   * The findings statement `i` had last time, if it is the same statement
   * (or the same one moved, whose findings and gathered data move with it).
   */
  private reused(i: number, item: Statement, uri: string, edit: ReparseEdit | undefined): readonly Finding[] | undefined {
    const same = this.previousItems[i];
    if (same === item) return this.previousFindings[i];
    if (!edit || i < edit.first + edit.inserted) return undefined;
    const old = i - edit.inserted + edit.removed;
    const before = this.previousItems[old];
    const found = this.previousFindings[old];
    if (!before || !found || before.kind !== item.kind || before.range.start.offset + edit.offsetDelta !== item.range.start.offset) return undefined;
    const { offsetDelta, lineDelta } = edit;
    for (const table of this.memo.values()) {
      if (table.has(before)) table.set(item, offsetDelta === 0 && lineDelta === 0 ? table.get(before) : shiftPositions(table.get(before), offsetDelta, lineDelta));
    }
    if (offsetDelta === 0 && lineDelta === 0) return found;
    return found.map((f) => shiftFinding(f, uri, offsetDelta, lineDelta));
  }

  /** Forgets everything (the document closed). */
  clear(): void {
    this.context = undefined;
    this.previousItems = [];
    this.previousFindings = [];
    this.memo = new Map();
  }
}
