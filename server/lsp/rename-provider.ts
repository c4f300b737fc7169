/**
 * Rename of ids and codes, across files: a national action's number (its
 * declaration and every `supports action N` answering to its framework), an
 * aim's code, a framework's id (and every header naming it), a glossary
 * term (its entry, bare owner names and its uses in the text), a priority's
 * or commitment's id.
 *
 * A new name must lex as what it replaces (a keyword or a placeholder such
 * as `X` would not), and must not take the name of something that exists.
 */
import { ErrorCodes, ResponseError, type CancellationToken, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { keywordInfo, type Statement } from '../../grammar/index.js';
import { walkStatements } from '../analysis/walk.js';
import { shorten } from './descriptions.js';
import { lookupAcronym } from '../analysis/acronym-lookup.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { findOccurrences } from '../analysis/reference-finder.js';
import { symbolAt, type SymbolTarget } from '../analysis/symbol-at.js';
import { Slicer } from './cancellation.js';
import { compactToLsp, toLspRange } from './conversions.js';
import { keyOf, uriOf } from './document-keys.js';
import type { Project } from './project.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$/;
const NUMBER = /^\d+(?:\.\d+)*$/;
const PLACEHOLDER = /^(?:X{1,4}|tbc|TBC|tbd|TBD|Tbc)$/;

function renameable(project: Project, doc: AnalysedDocument, target: SymbolTarget | undefined): SymbolTarget & { readonly text: string } {
  const refuse = (why: string): never => {
    throw new ResponseError(ErrorCodes.InvalidRequest, why);
  };
  if (!target) return refuse('Rename works on action numbers, aim codes, framework ids, glossary terms and priority or commitment ids.');
  switch (target.kind) {
    case 'action':
    case 'aim': {
      const framework = project.frameworkFor(doc);
      const value = target.kind === 'action' ? target.number : target.code;
      const known = target.kind === 'action' ? framework?.actions.has(value) : framework?.aims.has(value);
      if (!framework || !known) return refuse(`${target.kind === 'action' ? 'Action' : 'Aim'} ${value} is not declared in a framework the workspace knows, so it cannot be renamed.`);
      return { ...target, text: value };
    }
    case 'framework':
      if (project.workspace.frameworkDocuments(target.id).length === 0) return refuse(`Framework ${target.id} is not in the workspace, so it cannot be renamed.`);
      return { ...target, text: target.id };
    case 'acronym': {
      const found = lookupAcronym(target.term, doc, project.frameworkFor(doc), project.settingsFor(doc.uri).acronyms);
      if (found?.source.kind !== 'glossary') return refuse(`${target.term} is not in a glossary: add it to one before renaming it.`);
      return { ...target, text: target.term };
    }
    case 'localId':
      return { ...target, text: target.id };
    case 'indicator':
      return refuse('National Indicator codes belong to the National Indicator Set and cannot be renamed; change the code where it is used.');
    default:
      return refuse('Rename works on action numbers, aim codes, framework ids, glossary terms and priority or commitment ids.');
  }
}

function targetAt(project: Project, uri: string, line: number, character: number): { doc: AnalysedDocument; target: SymbolTarget | undefined } | undefined {
  const doc = project.analysed(keyOf(uri));
  if (!doc) return undefined;
  return { doc, target: symbolAt(doc, doc.parsed.lines.offsetAt(line, character)) };
}

export function providePrepareRename(project: Project, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const at = targetAt(project, params.textDocument.uri, params.position.line, params.position.character);
  if (!at) return null;
  const target = renameable(project, at.doc, at.target);
  return { range: toLspRange(target.range), placeholder: target.text };
}

function checkNewName(project: Project, doc: AnalysedDocument, target: SymbolTarget, newName: string): void {
  const fail = (why: string): never => {
    throw new ResponseError(ErrorCodes.InvalidParams, why);
  };
  if (keywordInfo(newName)) fail(`\`${newName}\` is a keyword of the language and cannot be an id.`);
  if (PLACEHOLDER.test(newName)) fail(`\`${newName}\` reads as a placeholder (a value not yet agreed) and cannot be an id.`);
  const framework = project.frameworkFor(doc);
  switch (target.kind) {
    case 'action':
      if (!NUMBER.test(newName)) fail('An action number is a number, such as 40 or 13.1.');
      if (framework?.actions.has(newName)) fail(`Framework ${framework.id} already has an action ${newName}.`);
      return;
    case 'aim':
      if (!NAME.test(newName) && !NUMBER.test(newName)) fail('An aim code is a name such as PC.1, or a number.');
      if (framework?.aims.has(newName)) fail(`Framework ${framework.id} already has an aim ${newName}.`);
      return;
    case 'framework':
      if (!NAME.test(newName)) fail('A framework id is a name such as drugs-2008.');
      if (project.workspace.frameworkDocuments(newName).length > 0) fail(`A framework ${newName} already exists.`);
      return;
    case 'acronym': {
      if (!NAME.test(newName)) fail('A glossary term is a bare name such as CDRP.');
      const found = lookupAcronym(target.term, doc, framework, new Map());
      if (found?.source.kind === 'glossary' && found.source.document.glossary.has(newName)) fail(`The glossary already defines ${newName}.`);
      return;
    }
    case 'localId': {
      if (!NAME.test(newName) && !NUMBER.test(newName)) fail('An id is a name such as P1.2, or a number.');
      const taken = takenBy(doc, target.node, newName);
      if (taken) fail(taken);
      return;
    }
    default:
      return;
  }
}

const NOUN: Partial<Record<Statement['kind'], string>> = { priority: 'Priority', commitment: 'Commitment' };

/**
 * Where `newName` is already the id of a statement that shares `node`'s
 * scope (duplicate-id's scopes: priorities within the file, commitments
 * within their priority), said as a reason to refuse; undefined when free.
 */
function takenBy(doc: AnalysedDocument, node: Statement, newName: string): string | undefined {
  const noun = NOUN[node.kind];
  if (!noun) return undefined;
  const scopeOf = (ancestors: readonly Statement[]): Statement | undefined => (node.kind === 'commitment' ? [...ancestors].reverse().find((a) => a.kind === 'priority') : undefined);
  let scope: Statement | undefined;
  const candidates: { statement: Statement; scope: Statement | undefined }[] = [];
  walkStatements(doc.parsed.document, (s, ancestors) => {
    if (s === node) scope = scopeOf(ancestors);
    else if (s.kind === node.kind && 'id' in s && s.id?.value === newName) candidates.push({ statement: s, scope: scopeOf(ancestors) });
  });
  const clash = candidates.find((c) => c.scope === scope);
  if (!clash) return undefined;
  const where = scope && 'id' in scope && scope.id ? ` in priority ${scope.id.value}` : '';
  const title = 'title' in clash.statement && clash.statement.title ? ` ("${shorten(clash.statement.title.value, 50)}")` : '';
  return `${noun} ${newName} already exists${where}, on line ${clash.statement.range.start.line + 1}${title}: ids must be unique, so the rename is refused. Rename that one first, or choose another id.`;
}

export async function provideRename(project: Project, params: RenameParams, token: CancellationToken): Promise<WorkspaceEdit | null> {
  project.refreshOpenDocuments();
  const at = targetAt(project, params.textDocument.uri, params.position.line, params.position.character);
  if (!at) return null;
  const target = renameable(project, at.doc, at.target);
  const newName = params.newName.trim();
  if (newName === target.text) return { changes: {} };
  checkNewName(project, at.doc, target, newName);
  const slicer = new Slicer(token);
  const occurrences = await findOccurrences(target, at.doc, {
    workspace: project.workspace,
    index: project.index,
    framework: project.frameworkFor(at.doc),
    configuredAcronyms: project.settingsFor(at.doc.uri).acronyms,
    checkpoint: () => slicer.proceed(),
  });
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const o of occurrences) {
    const id = `${o.key}:${o.range.startLine}:${o.range.startCharacter}`;
    if (seen.has(id)) continue;
    seen.add(id);
    (changes[uriOf(o.key)] ??= []).push({ range: compactToLsp(o.range), newText: newName });
  }
  return { changes };
}
