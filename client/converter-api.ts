/**
 * What the extension needs of the converter (client/converter/), and how it
 * loads it. The converter is bundled on its own (dist/converter.js) and loaded
 * on first use, because its document readers (docx, PDF) are large and most
 * sessions never convert anything: activation stays light.
 */

export type { ConversionReport } from './converter/index.js';
import type { ConversionReport } from './converter/index.js';

export interface PlannedFile {
  readonly path: string;
  readonly text: string;
  /** The converted document, or a framework built from what it says of its national framework. */
  readonly role: 'result' | 'framework';
  readonly title?: string;
}

export interface ConversionPlan {
  readonly report: ConversionReport;
  readonly files: readonly PlannedFile[];
  /** Why something was left out (an unusable strategy.config.json), for the output channel. */
  readonly problems: readonly string[];
}

/** What dist/converter.js exports (client/conversion-service.ts). */
export interface ConverterModule {
  planConversion(input: string, options: { configFolder?: string; strategyFiles: readonly string[] }): Promise<ConversionPlan>;
}

function isConverterModule(value: unknown): value is ConverterModule {
  return typeof value === 'object' && value !== null && typeof (value as { planConversion?: unknown }).planConversion === 'function';
}

let loaded: ConverterModule | undefined;

/** Loads the bundled converter once; a clear error if the build did not produce it. */
export function loadConverter(bundlePath: string): ConverterModule {
  if (loaded) return loaded;
  let mod: unknown;
  try {
    // A path known only at run time, on purpose: the bundler must leave the converter out of dist/extension.js.
    mod = require(bundlePath) as unknown;
  } catch (e) {
    throw new Error(`The converter could not be loaded from ${bundlePath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isConverterModule(mod)) throw new Error(`${bundlePath} does not export planConversion().`);
  loaded = mod;
  return mod;
}
