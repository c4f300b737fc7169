/**
 * Code lenses. On a national action (or aim) in a framework: "supported by
 * N local commitments", counted over every strategy of the workspace that
 * answers to the framework, open or not. On a local commitment: the national
 * actions it supports, with their text. Clicking shows the locations.
 */
import type { CancellationToken, CodeLens, CodeLensParams, Location } from 'vscode-languageserver';
import type { Range } from '../../grammar/index.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import type { FrameworkIndex } from '../analysis/framework-index.js';
import { walkStatements } from '../analysis/walk.js';
import type { ReferenceHit } from '../analysis/workspace-index.js';
import { Slicer } from './cancellation.js';
import { compactToLsp, toLspRange } from './conversions.js';
import { shorten } from './descriptions.js';
import { keyOf, uriOf } from './document-keys.js';
import type { FrameworkLensSetting } from './editor-settings.js';
import type { Project } from './project.js';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArguments } from './protocol.js';

function lens(range: Range, title: string, uri: string, locations: Location[]): CodeLens {
  const args: ShowReferencesArguments = [uri, { line: range.start.line, character: range.start.character }, locations];
  return { range: toLspRange(range), command: { title, command: locations.length > 0 ? SHOW_REFERENCES_COMMAND : '', arguments: args } };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Distinct commitments (or other declarations) among references, with a location for each reference. */
function supporters(hits: readonly ReferenceHit[]): { count: number; strategies: number; locations: Location[] } {
  const containers = new Set<string>();
  const files = new Set<string>();
  const locations: Location[] = [];
  for (const hit of hits) {
    containers.add(`${hit.summary.key}#${hit.reference.parent}`);
    files.add(hit.summary.key);
    locations.push({ uri: uriOf(hit.summary.key), range: compactToLsp(hit.reference.range) });
  }
  return { count: containers.size, strategies: files.size, locations };
}

/**
 * Lenses of a framework file, one count throughout: the distinct local
 * commitments and priorities that answer to a thing. An aim counts those
 * naming the aim and those supporting any of its actions, so an aim is
 * never "unanswered" while one of its actions is supported. With `aims`
 * (the default) every aim has its lens and an action only when something
 * supports it: a lens over every action saying "none" is noise; `all`
 * shows them all.
 */
async function frameworkLenses(project: Project, framework: FrameworkIndex, uri: string, slicer: Slicer, setting: FrameworkLensSetting): Promise<CodeLens[]> {
  const checkpoint = (): Promise<boolean> => slicer.proceed();
  const byValue = (hits: ReferenceHit[]): Map<string, ReferenceHit[]> => {
    const map = new Map<string, ReferenceHit[]>();
    for (const h of hits) {
      const list = map.get(h.reference.value);
      if (list) list.push(h);
      else map.set(h.reference.value, [h]);
    }
    return map;
  };
  const actionRefs = byValue(await project.index.referencesTo(framework, 'action', undefined, project.workspace, checkpoint));
  const aimRefs = byValue(await project.index.referencesTo(framework, 'aim', undefined, project.workspace, checkpoint));
  const lenses: CodeLens[] = [];
  for (const aim of framework.aims.values()) {
    const hits = [...(aimRefs.get(aim.code) ?? [])];
    for (const action of framework.actions.values()) if (action.aim === aim.node) hits.push(...(actionRefs.get(action.number) ?? []));
    const { count, locations, strategies } = supporters(hits);
    const title =
      count === 0
        ? 'no local commitment answers to this aim or its actions'
        : `${plural(count, 'local commitment or priority answers', 'local commitments and priorities answer')} to this aim or its actions (${plural(strategies, 'strategy', 'strategies')})`;
    lenses.push(lens(aim.node.keywordRange, title, uri, locations));
  }
  for (const action of framework.actions.values()) {
    const { count, locations, strategies } = supporters(actionRefs.get(action.number) ?? []);
    if (count === 0 && setting !== 'all') continue;
    const title = count === 0 ? 'no local commitment supports this action' : `supported by ${plural(count, 'local commitment', 'local commitments')} (${plural(strategies, 'strategy', 'strategies')})`;
    lenses.push(lens(action.node.keywordRange, title, uri, locations));
  }
  return lenses;
}

function strategyLenses(doc: AnalysedDocument, framework: FrameworkIndex | undefined, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  walkStatements(doc.parsed.document, (s) => {
    if (s.kind !== 'commitment') return;
    const numbers = s.items.flatMap((i) => (i.kind === 'supports' && i.target === 'action' ? i.refs.map((r) => r.value) : []));
    if (numbers.length === 0) return;
    const found = numbers.map((n) => ({ n, action: framework?.actions.get(n) }));
    const locations: Location[] = found.flatMap(({ action }) =>
      action && framework ? [{ uri: uriOf(framework.document.uri), range: toLspRange(action.node.id?.range ?? action.node.keywordRange) }] : [],
    );
    const described = found.map(({ n, action }) => (action ? `${n}: ${shorten(action.node.title?.value ?? '', found.length === 1 ? 80 : 40)}` : `${n} (not in the framework)`));
    lenses.push(lens(s.keywordRange, `supports national action${numbers.length === 1 ? '' : 's'} ${described.join(' · ')}`, uri, locations));
  });
  return lenses;
}

export async function provideCodeLenses(project: Project, params: CodeLensParams, token: CancellationToken, setting: FrameworkLensSetting = 'aims'): Promise<CodeLens[]> {
  const key = keyOf(params.textDocument.uri);
  const doc = project.analysed(key);
  if (!doc) return [];
  const framework = project.frameworkFor(doc);
  if (doc.kind === 'framework' && framework) {
    if (setting === 'off') return [];
    project.refreshOpenDocuments();
    return frameworkLenses(project, framework, params.textDocument.uri, new Slicer(token), setting);
  }
  return strategyLenses(doc, framework, params.textDocument.uri);
}
