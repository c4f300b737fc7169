/**
 * Document links: a strategy's `framework drugs-2008` opens the framework
 * file; a rule named in a suppression comment opens the rule's page; web
 * addresses in text and comments open in the browser.
 */
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { parseDirectives } from '../analysis/suppressions.js';
import { walkStatements } from '../analysis/walk.js';
import { ruleMeta } from '../rules/registry.js';
import { toLspRange } from './conversions.js';
import { ruleDocUri } from './diagnostics.js';
import { keyOf, uriOf } from './document-keys.js';
import type { Project } from './project.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s"\u201d<>)]+[^\s"\u201d<>).,;:]/g;

export function provideDocumentLinks(project: Project, params: DocumentLinkParams): DocumentLink[] {
  const doc = project.analysed(keyOf(params.textDocument.uri));
  if (!doc) return [];
  const links: DocumentLink[] = [];
  const lines = doc.parsed.lines;
  walkStatements(doc.parsed.document, (s) => {
    if (s.kind !== 'frameworkRef') return;
    for (const ref of s.refs) {
      const target = project.workspace.frameworkDocuments(ref.value)[0];
      if (target) links.push({ range: toLspRange(ref.range), target: uriOf(target.uri), tooltip: `Open framework ${ref.value}` });
    }
  });
  for (const directive of parseDirectives(doc)) {
    const text = directive.comment.text;
    const base = directive.comment.range.start.offset + 2;
    for (const id of directive.rules) {
      if (!ruleMeta(id)) continue;
      const at = new RegExp(`(?<![\\w-])${id}(?![\\w-])`).exec(text);
      if (!at) continue;
      links.push({ range: toLspRange(lines.rangeOf(base + at.index, base + at.index + id.length)), target: ruleDocUri(id), tooltip: `About ${id}` });
    }
  }
  for (const m of doc.text.matchAll(URL_PATTERN)) {
    links.push({ range: toLspRange(lines.rangeOf(m.index, m.index + m[0].length)), target: m[0] });
  }
  return links;
}
