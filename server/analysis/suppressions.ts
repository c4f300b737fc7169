/**
 * Inline suppression comments, as ESLint and markdownlint users know them:
 *
 *   // strategy-disable-next-line missing-owner, missing-target -- agreed at board
 *   owner …   // strategy-disable-line open-note
 *   // strategy-disable vague-timing      …      // strategy-enable vague-timing
 *   // strategy-disable-file undefined-acronym
 *
 * No rule ids means every rule. A comment that suppresses nothing is itself
 * reported (unused-suppression), with a fix that removes it.
 */
import type { Comment, Range } from '../../grammar/index.js';
import type { AnalysedDocument } from './document-model.js';
import type { Finding, TextEdit } from '../rules/rule.js';
import { deleteLines } from '../rules/support/edits.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Empty: all rules. */
  readonly rules: readonly string[];
  readonly comment: Comment;
  /** Lines (0-based, inclusive) the directive covers. */
  readonly fromLine: number;
  readonly toLine: number;
}

const DIRECTIVE = /^\s*strategy-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$/;

export function parseDirectives(doc: AnalysedDocument): Directive[] {
  const directives: Directive[] = [];
  const lastLine = doc.parsed.lines.lineCount - 1;
  const open: { comment: Comment; rules: readonly string[] }[] = [];
  const closeRegion = (o: { comment: Comment; rules: readonly string[] }, toLine: number): void => {
    directives.push({ kind: 'disable', rules: o.rules, comment: o.comment, fromLine: o.comment.range.start.line, toLine });
  };
  for (const comment of doc.parsed.document.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const kind = m[1] as DirectiveKind;
    const rules = (m[2] ?? '')
      .split('--')[0]!
      .split(/[\s,]+/)
      .filter(Boolean);
    const line = comment.range.start.line;
    switch (kind) {
      case 'disable-next-line':
        directives.push({ kind, rules, comment, fromLine: line + 1, toLine: line + 1 });
        break;
      case 'disable-line':
        directives.push({ kind, rules, comment, fromLine: line, toLine: line });
        break;
      case 'disable-file':
        directives.push({ kind, rules, comment, fromLine: 0, toLine: lastLine });
        break;
      case 'disable':
        open.push({ comment, rules });
        break;
      case 'enable': {
        // `enable` with no ids closes every open region; with ids, the regions naming them.
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i]!;
          if (rules.length === 0 || o.rules.some((r) => rules.includes(r)) || o.rules.length === 0) {
            closeRegion(o, line);
            open.splice(i, 1);
          }
        }
        break;
      }
    }
  }
  for (const o of open) closeRegion(o, lastLine);
  return directives;
}

function covers(d: Directive, finding: Finding): boolean {
  const line = finding.range.start.line;
  return line >= d.fromLine && line <= d.toLine && (d.rules.length === 0 || d.rules.includes(finding.ruleId));
}

/** Removes a suppression comment: the whole line when it stands alone, else just the comment. */
function removal(doc: AnalysedDocument, comment: Comment): TextEdit {
  const lineText = doc.parsed.lines.lineText(comment.range.start.line);
  const before = lineText.slice(0, comment.range.start.character);
  if (before.trim() === '') return deleteLines(doc, comment.range.start.line, comment.range.start.line);
  const start = doc.parsed.lines.positionAt(comment.range.start.offset - (before.length - before.trimEnd().length));
  return { range: { start, end: comment.range.end }, newText: '' };
}

export interface SuppressionOutcome {
  readonly kept: Finding[];
  readonly suppressed: Finding[];
  /** unused-suppression findings, severity to be set by the caller. */
  readonly unused: { message: string; range: Range; fix: { title: string; edits: TextEdit[] } }[];
}

export function applySuppressions(doc: AnalysedDocument, findings: readonly Finding[], knownRuleIds: ReadonlySet<string>, unsuppressible: ReadonlySet<string>): SuppressionOutcome {
  const directives = parseDirectives(doc);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  const used = new Map<Directive, Set<string>>();
  for (const f of findings) {
    const by = unsuppressible.has(f.ruleId) ? undefined : directives.find((d) => covers(d, f));
    if (!by) {
      kept.push(f);
      continue;
    }
    suppressed.push(f);
    const set = used.get(by) ?? new Set<string>();
    set.add(f.ruleId);
    used.set(by, set);
  }
  const unused: SuppressionOutcome['unused'] = [];
  for (const d of directives) {
    const fix = { title: 'Remove this suppression comment', edits: [removal(doc, d.comment)] };
    const unknown = d.rules.filter((r) => !knownRuleIds.has(r));
    if (unknown.length > 0) {
      unused.push({ message: `Unknown rule ${unknown.map((r) => `\`${r}\``).join(', ')} in a suppression comment.`, range: d.comment.range, fix });
      continue;
    }
    const hits = used.get(d);
    if (!hits) {
      const what = d.rules.length > 0 ? d.rules.join(', ') : 'any rule';
      unused.push({ message: `This suppression of ${what} suppresses nothing: remove it.`, range: d.comment.range, fix });
    } else {
      const idle = d.rules.filter((r) => !hits.has(r));
      if (idle.length > 0) unused.push({ message: `This suppression of ${idle.join(', ')} suppresses nothing on its line.`, range: d.comment.range, fix });
    }
  }
  return { kept, suppressed, unused };
}
