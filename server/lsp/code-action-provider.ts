/**
 * Code actions:
 * - the rules' own fixes and suggestions for each diagnostic (insert an
 *   owner or a target, use the catalogue's indicator title, change an
 *   unknown NI code to a real one, add an acronym to the glossary, renumber
 *   a sequence) — the same edits `strategy lint --fix` applies;
 * - "Disable <rule> for this line" and "… for this file", as suppression
 *   comments;
 * - on a commitment, "Link to national action N: …" for the five actions of
 *   its framework whose text is most like the commitment's;
 * - `source.fixAll.strategy`: every safe fix at once, as `--fix` does.
 */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { CommitmentDecl } from '../../grammar/index.js';
import { rankActionsFor } from '../analysis/action-linker.js';
import { analyseDocument, type AnalysedDocument } from '../analysis/document-model.js';
import { lintDocument } from '../analysis/engine.js';
import { statementPathAt } from '../analysis/symbol-at.js';
import { parseDirectives } from '../analysis/suppressions.js';
import { applySafeFixes, MAX_FIX_PASSES } from '../analysis/fixes.js';
import { SYNTAX_ERROR_ID } from '../rules/registry.js';
import type { Finding, Fix } from '../rules/rule.js';
import { insertStatement } from '../rules/support/edits.js';
import { Slicer } from './cancellation.js';
import { rangesEqual, toLspEdit, toLspRange } from './conversions.js';
import { shorten } from './descriptions.js';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import { keyOf } from './document-keys.js';
import { firstBlankAfter, hasBlank, toSnippetEdits } from './fix-snippets.js';
import { PLACE_CURSOR_COMMAND, type PlaceCursorArguments } from './protocol.js';
import type { Project } from './project.js';

export const LINK_ACTION_KIND = `${CodeActionKind.Refactor}.strategy.linkAction`;
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.strategy`;
export const LINK_SUGGESTIONS = 5;

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function findingFor(findings: readonly Finding[], d: Diagnostic): Finding | undefined {
  return findings.find((f) => f.ruleId === d.code && f.message === d.message && rangesEqual(toLspRange(f.range), d.range));
}

/** How the client can be made to leave the cursor in a blank a fix inserts (see fix-snippets.ts). */
export interface FixCursorSupport {
  /** The client takes `SnippetTextEdit`s in a workspace edit's document changes (LSP 3.18). */
  readonly snippetEdits: boolean;
  /** Otherwise: the client can show a document with a selection (`window/showDocument`), which the `strategy.placeCursor` command does. */
  readonly placeCursorCommand: boolean;
}

const NO_CURSOR_SUPPORT: FixCursorSupport = { snippetEdits: false, placeCursorCommand: false };

function fixAction(uri: string, doc: AnalysedDocument, fix: Fix, diagnostic: Diagnostic, preferred: boolean, cursor: FixCursorSupport): CodeAction {
  const edits = fix.edits.map(toLspEdit);
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [uri]: edits } } };
  if (!hasBlank(edits)) return action;
  const snippets = cursor.snippetEdits ? toSnippetEdits(doc.text, edits) : undefined;
  if (snippets) {
    action.edit = { documentChanges: [{ textDocument: { uri, version: doc.version }, edits: snippets }] };
  } else if (cursor.placeCursorCommand) {
    const at = firstBlankAfter(doc.text, edits);
    if (at) {
      const args: PlaceCursorArguments = [uri, at];
      action.command = { title: 'Place the cursor in the value to fill', command: PLACE_CURSOR_COMMAND, arguments: args };
    }
  }
  return action;
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** Adds `id` to an existing directive comment's rule list (before any `-- reason`). */
function extendDirective(doc: AnalysedDocument, comment: { text: string; range: { start: { offset: number } } }, id: string): LspTextEdit {
  const dash = comment.text.indexOf('--');
  const rulesEnd = (dash >= 0 ? comment.text.slice(0, dash) : comment.text).trimEnd().length;
  const at = doc.parsed.lines.positionAt(comment.range.start.offset + 2 + rulesEnd);
  return { range: { start: at, end: at }, newText: `, ${id}` };
}

function disableForLine(doc: AnalysedDocument, line: number, id: string): LspTextEdit | undefined {
  const directives = parseDirectives(doc);
  if (directives.some((d) => d.fromLine <= line && line <= d.toLine && d.rules.length === 0)) return undefined;
  const above = directives.find((d) => d.kind === 'disable-next-line' && d.fromLine === line);
  if (above) return above.rules.includes(id) ? undefined : extendDirective(doc, above.comment, id);
  const indent = indentOf(doc.parsed.lines.lineText(line));
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// strategy-disable-next-line ${id}\n` };
}

function disableForFile(doc: AnalysedDocument, id: string): LspTextEdit | undefined {
  const existing = parseDirectives(doc).find((d) => d.kind === 'disable-file');
  if (existing) return existing.rules.length === 0 || existing.rules.includes(id) ? undefined : extendDirective(doc, existing.comment, id);
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `// strategy-disable-file ${id}\n` };
}

function ruleActions(project: Project, key: string, doc: AnalysedDocument, params: CodeActionParams, cursor: FixCursorSupport): CodeAction[] {
  const uri = params.textDocument.uri;
  const findings = project.lint(key)?.findings ?? [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const finding = findingFor(findings, diagnostic);
    if (finding?.fix) actions.push(fixAction(uri, doc, finding.fix, diagnostic, true, cursor));
    for (const s of finding?.suggestions ?? []) if (s.edits.length > 0) actions.push(fixAction(uri, doc, s, diagnostic, false, cursor));
    const id = diagnostic.code;
    if (id === SYNTAX_ERROR_ID || id === 'unused-suppression') continue;
    const line = disableForLine(doc, diagnostic.range.start.line, id);
    if (line) actions.push({ title: `Disable ${id} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [line] } } });
    const file = disableForFile(doc, id);
    if (file) actions.push({ title: `Disable ${id} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [file] } } });
  }
  return actions;
}

function linkActions(project: Project, doc: AnalysedDocument, params: CodeActionParams): CodeAction[] {
  if (doc.kind !== 'strategy') return [];
  const framework = project.frameworkFor(doc);
  if (!framework) return [];
  const offset = doc.parsed.lines.offsetAt(params.range.start.line, params.range.start.character);
  const path = statementPathAt(doc.parsed.document, offset);
  const at = path.map((s) => s.kind).lastIndexOf('commitment');
  if (at < 0) return [];
  const commitment = path[at] as CommitmentDecl;
  const existing = commitment.items.find((s) => s.kind === 'supports' && s.target === 'action');
  return rankActionsFor(commitment, path.slice(0, at), doc, framework, LINK_SUGGESTIONS).map(({ item }) => {
    const edit =
      existing && existing.kind === 'supports'
        ? { range: toLspRange({ start: existing.range.end, end: existing.range.end }), newText: `, ${item.number}` }
        : toLspEdit(insertStatement(doc, commitment, `supports action ${item.number}`));
    return {
      title: `Link to national action ${item.number}: ${shorten(item.node.title?.value ?? '', 70)}`,
      kind: LINK_ACTION_KIND,
      edit: { changes: { [params.textDocument.uri]: [edit] } },
    };
  });
}

/**
 * Every safe fix, applied pass after pass as `strategy lint --fix` does, as
 * one edit. Each pass re-analyses the text, so passes give way to other
 * requests and stop if this one is cancelled.
 */
async function fixAllAction(project: Project, key: string, doc: AnalysedDocument, uri: string, slicer: Slicer): Promise<CodeAction | undefined> {
  const settings = project.settingsFor(key).lint;
  let current = doc;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    await slicer.check();
    const text = applySafeFixes(current.text, lintDocument(current, project.workspace, settings).findings);
    if (text === current.text) break;
    current = analyseDocument(key, text, doc.version);
  }
  if (current.text === doc.text) return undefined;
  const end = doc.parsed.lines.positionAt(doc.text.length);
  return {
    title: 'Fix all auto-fixable strategy problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: end.line, character: end.character } }, newText: current.text }] } },
  };
}

export async function provideCodeActions(project: Project, params: CodeActionParams, token: CancellationToken, cursor: FixCursorSupport = NO_CURSOR_SUPPORT): Promise<CodeAction[]> {
  const key = keyOf(params.textDocument.uri);
  const doc = project.analysed(key);
  if (!doc) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  // Loops, not spreads: a document with a hundred thousand findings would overflow the stack.
  if (wanted(only, CodeActionKind.QuickFix)) for (const a of ruleActions(project, key, doc, params, cursor)) actions.push(a);
  if (wanted(only, LINK_ACTION_KIND)) for (const a of linkActions(project, doc, params)) actions.push(a);
  // Source actions are asked for by name (on save, from the menu), not offered at every cursor.
  if (only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`))) {
    const fixAll = await fixAllAction(project, key, doc, params.textDocument.uri, new Slicer(token));
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}
