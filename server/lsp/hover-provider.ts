/**
 * Hover: an indicator's title, theme and PSA; a national action's text,
 * owner, timing and outcome; an aim's title; a framework; an acronym's
 * expansion; a keyword's meaning; a rule named in a suppression comment.
 */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { keywordInfo } from '../../grammar/index.js';
import { lookupAcronym } from '../analysis/acronym-lookup.js';
import { frameworkIndexOf } from '../analysis/framework-index.js';
import { statementPathAt, symbolAt } from '../analysis/symbol-at.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { ruleMeta } from '../rules/registry.js';
import { toLspRange } from './conversions.js';
import { describeAcronym, describeAction, describeAim, describeFramework, describeIndicator, documentWordings, md } from './descriptions.js';
import { keyOf } from './document-keys.js';
import type { Project } from './project.js';

/** The title the statement under the cursor quotes for its indicator, else the document's first quotation of the code. */
function wordingAt(doc: AnalysedDocument, offset: number, code: number): string | undefined {
  const here = statementPathAt(doc.parsed.document, offset).at(-1);
  if (here?.kind === 'measure' && here.indicator?.code === code && here.title && here.title.value.trim() !== '') return here.title.value;
  return documentWordings(doc).get(code);
}

export function provideHover(project: Project, params: HoverParams): Hover | null {
  const key = keyOf(params.textDocument.uri);
  const doc = project.analysed(key);
  if (!doc) return null;
  const offset = doc.parsed.lines.offsetAt(params.position.line, params.position.character);
  const target = symbolAt(doc, offset);
  if (!target) return null;
  const framework = project.frameworkFor(doc);
  const settings = project.settingsFor(key);
  let value: string | undefined;
  switch (target.kind) {
    case 'indicator':
      value = describeIndicator(target.code, settings.lint.catalogue, wordingAt(doc, offset, target.code));
      break;
    case 'action': {
      if (!framework) {
        value = `**Action ${md(target.number)}**: this document names no framework the workspace knows.`;
        break;
      }
      const action = framework.actions.get(target.number);
      value = action ? describeAction(action, framework) : `**Action ${md(target.number)}** is not in framework \`${framework.id}\`.`;
      break;
    }
    case 'aim': {
      if (!framework) {
        value = `**Aim ${md(target.code)}**: this document names no framework the workspace knows.`;
        break;
      }
      const aim = framework.aims.get(target.code);
      value = aim ? describeAim(aim, framework) : `**Aim ${md(target.code)}** is not in framework \`${framework.id}\`.`;
      break;
    }
    case 'framework': {
      const declared = project.workspace.frameworkDocuments(target.id)[0];
      const index = declared ? frameworkIndexOf(declared) : undefined;
      value = index ? describeFramework(index) : `**Framework \`${md(target.id)}\`** is not in the workspace or the configured framework paths.`;
      break;
    }
    case 'acronym':
      value = describeAcronym(lookupAcronym(target.term, doc, framework, settings.acronyms), target.term, framework?.document !== doc ? framework?.id : undefined);
      break;
    case 'keyword': {
      const info = keywordInfo(target.word);
      value = info ? `**${target.word}** — ${md(info.doc)}` : undefined;
      break;
    }
    case 'rule': {
      const meta = ruleMeta(target.id);
      value = meta ? `**${target.id}** (${meta.defaultSeverity}) — ${md(meta.description)}` : undefined;
      break;
    }
    case 'localId':
      value = undefined;
      break;
  }
  if (value === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(target.range) };
}
