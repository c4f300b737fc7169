/** Reading converted documents the way a user does: through `strategy export` and `strategy lint`, validated where they enter. */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { ExportSchema, type ExportedModel, type Statement } from '../../grammar/index.js';
import { runCli } from '../support/run-cli.js';

export async function exportModel(file: string): Promise<ExportedModel> {
  const run = await runCli(['export', '--format', 'json', file]);
  assert.equal(run.stderr, '', `export of ${file} reported problems`);
  assert.equal(run.code, 0);
  return ExportSchema.parse(JSON.parse(run.stdout));
}

/** Every statement of the document, depth first. */
export function statements(model: ExportedModel): Statement[] {
  const out: Statement[] = [];
  const visit = (items: readonly Statement[]): void => {
    for (const s of items) {
      out.push(s);
      if ('items' in s) visit(s.items);
    }
  };
  visit(model.document.items as Statement[]);
  return out;
}

export function ofKind<K extends Statement['kind']>(all: readonly Statement[], kind: K): Extract<Statement, { kind: K }>[] {
  return all.filter((s): s is Extract<Statement, { kind: K }> => s.kind === kind);
}

/** The statements directly inside one. */
export function children(s: Statement): Statement[] {
  return 'items' in s ? [...s.items] : [];
}

export function descendants(s: Statement): Statement[] {
  return children(s).flatMap((c) => [c, ...descendants(c)]);
}

const LintJsonSchema = z.array(
  z.object({
    filePath: z.string(),
    messages: z.array(z.object({ ruleId: z.string().nullable(), message: z.string(), line: z.number() }).passthrough()),
  }).passthrough(),
);

export type LintMessage = z.infer<typeof LintJsonSchema>[number]['messages'][number];

/** `strategy lint … -f json`, findings by file name. */
export async function lintJson(paths: readonly string[]): Promise<Map<string, LintMessage[]>> {
  const run = await runCli(['lint', ...paths, '-f', 'json']);
  assert.ok(run.code === 0 || run.code === 1, `lint failed: ${run.stderr}`);
  const parsed = LintJsonSchema.parse(JSON.parse(run.stdout));
  return new Map(parsed.map((f) => [f.filePath.split(/[\\/]/).pop()!, f.messages]));
}
