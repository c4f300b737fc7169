/**
 * The report preview: the same report `strategy report` writes, for one open
 * document, from the same findings the editor shows as diagnostics
 * (`Project.lint`, i.e. `lintDocument` with the folder's settings).
 */
import { relative, sep } from 'node:path';
import { buildReport } from '../report/build-report.js';
import { previewPage } from '../report/preview-page.js';
import { keyOf, uriOf } from './document-keys.js';
import type { Project } from './project.js';
import type { ReportPreviewParams, ReportPreviewResult } from './protocol.js';

export function provideReportPreview(project: Project, params: ReportPreviewParams, version: string): ReportPreviewResult | null {
  const key = keyOf(params.uri);
  const doc = project.analysed(key);
  const linted = project.lint(key);
  if (!doc || !linted) return null;
  const files: Record<string, string> = {};
  const displayOf = (k: string): string => {
    const folder = project.folderFor(k);
    const rel = folder && k.startsWith(folder.path + sep) ? relative(folder.path, k).split(sep).join('/') : k;
    files[rel] = k === key ? params.uri : uriOf(k);
    return rel;
  };
  const file = displayOf(key);
  const report = buildReport([{ doc, file, findings: linted.findings }], project.workspace, {
    catalogue: project.settingsFor(key).lint.catalogue,
    displayOf,
    version,
  });
  const page = previewPage(report, { nonce: params.nonce, cspSource: params.cspSource });
  return { ...page, title: report.documents[0]?.overview.title ?? file, version: project.versionOf(key) ?? null, files };
}
