/**
 * The convert command's work without the editor: converts one document as
 * `strategy convert` does (knowing the frameworks already in the workspace
 * and the folder's strategy.config.json, through the CLI's own `frameworkOf`
 * and `loadConfig`), and lists the files to write: the result beside the
 * source, and any framework the converter built from the document's
 * description of it (e.g. a national strategy a local one answers to).
 *
 * Bundled on its own as dist/converter.js and loaded on the command's first
 * use: the document readers (docx, PDF) are large, and most sessions never
 * convert anything.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { convertFileDetailed, ConverterConfigSchema, type ConverterConfig, type KnownFramework } from './converter/index.js';
import { frameworkOf } from '../server/cli/commands/convert.js';
import { loadConfig } from '../server/config/load-config.js';
import { targetPathFor } from './conversion-paths.js';
import type { ConversionPlan, PlannedFile } from './converter-api.js';

export interface PlanOptions {
  /** The workspace folder holding the source, whose strategy.config.json applies. */
  readonly configFolder?: string;
  /** The .strategy files of the workspace: the frameworks among them are the ones a strategy may name. */
  readonly strategyFiles: readonly string[];
}

/** A framework file declares `framework ID "Title"`; a strategy only names one (`framework ID`), without a title. */
const FRAMEWORK_HEADER = /^[ \t]*framework[ \t]+[A-Za-z_][A-Za-z0-9_.-]*[ \t]+["\u201c]/m;

function knownFrameworks(files: readonly string[]): KnownFramework[] {
  const found = new Map<string, KnownFramework>();
  for (const file of files) {
    try {
      const text = readFileSync(file, 'utf8');
      // Only framework files are parsed: a large workspace is mostly strategies.
      if (!FRAMEWORK_HEADER.test(text)) continue;
      const f = frameworkOf(text);
      if (f && !found.has(f.id)) found.set(f.id, f);
    } catch {
      // An unreadable file is the linter's to report, not the converter's.
    }
  }
  return [...found.values()];
}

export async function planConversion(input: string, options: PlanOptions): Promise<ConversionPlan> {
  let converter: ConverterConfig = {};
  let frameworkPaths: readonly string[] = [];
  const problems: string[] = [];
  if (options.configFolder) {
    try {
      const config = loadConfig(options.configFolder, undefined, { converter: ConverterConfigSchema });
      // Checked by ConverterConfigSchema as the config was read.
      converter = (config.raw.converter ?? {}) as ConverterConfig;
      frameworkPaths = config.frameworkPaths;
    } catch (e) {
      // A broken config must not stop a conversion; the language server reports the config's problems.
      problems.push(`strategy.config.json was not used: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const known = knownFrameworks([...options.strategyFiles, ...frameworkPaths.filter((p) => p.endsWith('.strategy'))]);
  const conversion = await convertFileDetailed(input, { config: { ...converter, frameworks: [...(converter.frameworks ?? []), ...known.filter((k) => !converter.frameworks?.some((f) => f.id === k.id))] } });
  const output = targetPathFor(input);
  const files: PlannedFile[] = [
    { path: output, text: conversion.text, role: 'result' },
    ...conversion.companions.map((c): PlannedFile => ({ path: join(dirname(output), `${c.id}.strategy`), text: c.text, role: 'framework', title: c.title })),
  ];
  return { report: { ...conversion.report, output }, files, problems };
}
