/**
 * Inlay hints: the short title of an indicator written bare (`measure NI 40`,
 * `target reduce NI 42 …`), so a reader need not remember what NI 40 is.
 * Only titles the catalogue has are shown; a code it has no title for gets
 * no hint (hover says so), and an unknown code is the diagnostics' business.
 */
import { InlayHintKind, MarkupKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { IndicatorRef } from '../../grammar/index.js';
import { walkStatements } from '../analysis/walk.js';
import { describeIndicator, shorten } from './descriptions.js';
import { keyOf } from './document-keys.js';
import type { Project } from './project.js';

export const INLAY_TITLE_LENGTH = 40;

export function provideInlayHints(project: Project, params: InlayHintParams): InlayHint[] {
  const key = keyOf(params.textDocument.uri);
  const doc = project.analysed(key);
  if (!doc) return [];
  const catalogue = project.settingsFor(key).lint.catalogue;
  const from = params.range.start.line;
  const to = params.range.end.line;
  const hints: InlayHint[] = [];
  const hint = (ref: IndicatorRef): void => {
    if (ref.range.end.line < from || ref.range.start.line > to) return;
    const title = catalogue.get(ref.code)?.title;
    if (!title) return;
    hints.push({
      position: { line: ref.range.end.line, character: ref.range.end.character },
      label: shorten(title, INLAY_TITLE_LENGTH),
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: describeIndicator(ref.code, catalogue) },
    });
  };
  walkStatements(doc.parsed.document, (s) => {
    if (s.kind === 'measure' && s.indicator && !s.title) hint(s.indicator);
    if (s.kind === 'target' && s.indicator) hint(s.indicator);
  });
  return hints;
}
