/**
 * Go to definition ("go to national action"): from `supports action 40` to
 * the action in the framework file, from an aim code to the aim, from an
 * acronym to its glossary entry (or its line in strategy.config.json), from
 * a framework name to the framework file.
 */
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import { LineIndex } from '../../grammar/index.js';
import { lookupAcronym } from '../analysis/acronym-lookup.js';
import { symbolAt, type SymbolTarget } from '../analysis/symbol-at.js';
import { readBoundedTextFile } from '../analysis/text-file.js';
import { toLspRange } from './conversions.js';
import { keyOf, uriOf } from './document-keys.js';
import type { Project } from './project.js';
import type { Range } from '../../grammar/index.js';
import type { AnalysedDocument } from '../analysis/document-model.js';

function link(origin: SymbolTarget, targetKey: string, targetRange: Range, selection: Range): LocationLink {
  return { originSelectionRange: toLspRange(origin.range), targetUri: uriOf(targetKey), targetRange: toLspRange(targetRange), targetSelectionRange: toLspRange(selection) };
}

/** Where a configured acronym is written in strategy.config.json, found in the file's text. */
function configLocation(configFile: string | undefined, term: string): { key: string; range: Range } | undefined {
  if (!configFile) return undefined;
  try {
    // Bounded, regular files only: the config may be a FIFO or a device the resolver already refused.
    const read = readBoundedTextFile(configFile);
    if (!read.ok) return undefined;
    const text = read.text;
    const at = text.indexOf(JSON.stringify(term));
    if (at < 0) return undefined;
    const lines = new LineIndex(text);
    return { key: configFile, range: lines.rangeOf(at, at + JSON.stringify(term).length) };
  } catch {
    return undefined;
  }
}

export function definitionOf(project: Project, doc: AnalysedDocument, target: SymbolTarget): LocationLink[] {
  const framework = project.frameworkFor(doc);
  switch (target.kind) {
    case 'action': {
      const action = framework?.actions.get(target.number);
      if (!framework || !action) return [];
      return [link(target, framework.document.uri, action.node.range, action.node.id?.range ?? action.node.keywordRange)];
    }
    case 'aim': {
      const aim = framework?.aims.get(target.code);
      if (!framework || !aim) return [];
      return [link(target, framework.document.uri, aim.node.range, aim.node.id?.range ?? aim.node.keywordRange)];
    }
    case 'framework':
      return project.workspace.frameworkDocuments(target.id).flatMap((d) => {
        const header = d.header;
        return header?.kind === 'framework' ? [link(target, d.uri, header.range, header.id?.range ?? header.keywordRange)] : [];
      });
    case 'acronym': {
      const found = lookupAcronym(target.term, doc, framework, project.settingsFor(doc.uri).acronyms);
      if (found?.source.kind === 'glossary') return [link(target, found.source.document.uri, found.source.entry.range, found.source.entry.term.range)];
      if (found?.source.kind === 'config') {
        const at = configLocation(project.settingsFor(doc.uri).configFile, target.term);
        return at ? [link(target, at.key, at.range, at.range)] : [];
      }
      return [];
    }
    case 'localId':
      return [link(target, doc.uri, target.node.range, target.range)];
    default:
      return [];
  }
}

export function provideDefinition(project: Project, params: DefinitionParams): LocationLink[] | null {
  const doc = project.analysed(keyOf(params.textDocument.uri));
  if (!doc) return null;
  const target = symbolAt(doc, doc.parsed.lines.offsetAt(params.position.line, params.position.character));
  return target ? definitionOf(project, doc, target) : null;
}
