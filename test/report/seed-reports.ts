/**
 * The reports the HTML and accessibility tests check: one per seed (with
 * every seed loaded, so that a strategy finds its framework), all seeds in
 * one, a national view over local strategies, and the editor preview's page.
 * Built in-process with the same functions the CLI and the server call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDocument } from '../../server/analysis/engine.js';
import { Workspace } from '../../server/analysis/workspace.js';
import { nationalIndicatorSet } from '../../server/catalogue/indicator-catalogue.js';
import { buildReport } from '../../server/report/build-report.js';
import { renderHtml, type HtmlOptions } from '../../server/report/render-html.js';
import type { Report } from '../../server/report/report-model.js';
import { previewPage } from '../../server/report/preview-page.js';
import { FRAMEWORK, STRATEGY_A, STRATEGY_B } from './fixtures.js';
import { pathToFileURL } from 'node:url';
import { REPO, SEEDS } from '../support/paths.js';

type Generator = typeof import('../../bench/generate-workspace.mjs');
const generator = (): Promise<Generator> => import(pathToFileURL(join(REPO, 'bench', 'generate-workspace.mjs')).href) as Promise<Generator>;

export interface NamedReport {
  readonly name: string;
  readonly report: Report;
  readonly html: string;
}

/** The report of `targets` among `files` (all loaded, so cross-file references resolve), as the CLI builds it. */
export function reportOf(files: Record<string, string>, targets: readonly string[] = Object.keys(files)): Report {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.set(name, text);
  const entries = targets.map((file) => {
    const doc = ws.get(file)!;
    return { doc, file, findings: lintDocument(doc, ws).findings };
  });
  return buildReport(entries, ws, { catalogue: nationalIndicatorSet(), displayOf: (u) => u, version: 'test' });
}

export function seedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.strategy')).sort()) files[`seeds/${f}`] = readFileSync(join(SEEDS, f), 'utf8');
  return files;
}

/** A framework answered by a few generated local strategies: the national view's heat map. */
export async function nationalFiles(strategies = 6): Promise<Record<string, string>> {
  const { generatedFramework, generatedStrategy } = await generator();
  const files: Record<string, string> = { 'national/national-0.strategy': generatedFramework('national-0', 40) };
  for (let i = 0; i < strategies; i++) files[`local/strategy-${i}.strategy`] = generatedStrategy(i, 2500, 'national-0', 40);
  return files;
}

export async function testReports(options: HtmlOptions = { links: { kind: 'text' } }): Promise<NamedReport[]> {
  const seeds = seedFiles();
  const out: NamedReport[] = [];
  const add = (name: string, report: Report): void => {
    out.push({ name, report, html: renderHtml(report, options) });
  };
  for (const file of Object.keys(seeds)) add(file, reportOf(seeds, [file]));
  add('all seeds', reportOf(seeds, Object.keys(seeds)));
  const national = await nationalFiles();
  add('national view', reportOf(national, Object.keys(national)));
  // More documents than OPEN_DOCUMENTS_MAX: each one's sections folded shut, the index and the national view first.
  const workspace = await nationalFiles(12);
  add('national workspace', reportOf(workspace, Object.keys(workspace)));
  const fixture = { 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B };
  add('fixture', reportOf(fixture, Object.keys(fixture)));
  const preview = reportOf(seeds, ['seeds/gloucestershire-drugs-strategy-2010-2013-draft.strategy']);
  out.push({ name: 'editor preview', report: preview, html: previewPage(preview, { nonce: 'test-nonce', cspSource: 'vscode-resource:' }).html });
  return out;
}
