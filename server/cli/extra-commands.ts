/**
 * Commands contributed by other parts of the product (the converter), kept
 * out of main.ts so that each can be added without touching the others.
 */
import type { CliIo } from './io.js';

export interface ExtraCommandArgs {
  readonly paths: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

export type ExtraCommand = (args: ExtraCommandArgs, io: CliIo) => Promise<number>;

export const extraCommands: Record<string, ExtraCommand | undefined> = {
  // Loaded on use: the converter's document readers are large (see scripts/bundle.mjs).
  convert: async (args, io) => (await import('./commands/convert.js')).convertCommand(args, io),
  report: async (args, io) => (await import('./commands/report.js')).reportCommand(args, io),
};
