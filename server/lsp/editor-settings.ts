/**
 * Settings of the editor experience only (which files show diagnostics,
 * which code lenses appear), read from the client's `strategy` section.
 * They never change what `strategy lint` reports, so they live apart from
 * the lint settings (`settings.ts`). Anything unexpected falls back to the
 * default: a typo in a setting must not switch diagnostics off.
 */
import { z } from 'zod';
import type { DiagnosticsScope } from './workspace-diagnostics.js';

/** Which framework code lenses to show: counts on aims and actions, on commitments, both, or none. */
export type FrameworkLensSetting = 'all' | 'aims' | 'off';

export interface EditorSettings {
  readonly diagnosticsScope: DiagnosticsScope;
  readonly frameworkCodeLens: FrameworkLensSetting;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { diagnosticsScope: 'workspace', frameworkCodeLens: 'aims' };

const Section = z.object({
  diagnostics: z.object({ scope: z.enum(['workspace', 'openFiles']).catch('workspace') }).partial().catch({}),
  codeLens: z.object({ framework: z.enum(['all', 'aims', 'off']).catch('aims') }).partial().catch({}),
});

export function readEditorSettings(raw: unknown): EditorSettings {
  const parsed = Section.partial().safeParse(raw ?? {});
  if (!parsed.success) return DEFAULT_EDITOR_SETTINGS;
  return {
    diagnosticsScope: parsed.data.diagnostics?.scope ?? DEFAULT_EDITOR_SETTINGS.diagnosticsScope,
    frameworkCodeLens: parsed.data.codeLens?.framework ?? DEFAULT_EDITOR_SETTINGS.frameworkCodeLens,
  };
}
