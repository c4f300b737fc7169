/** Linting texts in memory through the one analysis code path. */
import { readFileSync } from 'node:fs';
import { lintDocument, DEFAULT_SETTINGS, type LintSettings } from '../../server/analysis/engine.js';
import { Workspace } from '../../server/analysis/workspace.js';
import type { Finding } from '../../server/rules/rule.js';
import { fixture } from './paths.js';

export const FRAMEWORK_TEXT = readFileSync(fixture('workspace', 'drugs-2008.strategy'), 'utf8');

/** Lints `text` as `main.strategy`, next to the 2008 framework fixture (or other files given). */
export function lintText(text: string, options: { others?: Record<string, string>; settings?: LintSettings; withFramework?: boolean } = {}): Finding[] {
  const ws = new Workspace();
  if (options.withFramework !== false) ws.set('/ws/drugs-2008.strategy', FRAMEWORK_TEXT);
  for (const [uri, t] of Object.entries(options.others ?? {})) ws.set(uri, t);
  const doc = ws.set('/ws/main.strategy', text);
  return [...lintDocument(doc, ws, options.settings ?? DEFAULT_SETTINGS).findings];
}

/** `line:col rule message` lines, 1-based, for readable assertions. */
export function describeFindings(findings: readonly Finding[], ruleId?: string): string[] {
  return findings
    .filter((f) => ruleId === undefined || f.ruleId === ruleId)
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`);
}
