/**
 * Files generated from the code's single sources of truth: the JSON Schemas
 * (from the zod schemas) and the rule doc pages (from each rule's metadata).
 * `npm run generate` writes them; a test fails when a committed copy is stale.
 */
import { z } from 'zod';
import { ExportSchema } from '../grammar/model-schema.js';
import { ConfigSchema } from '../server/config/config-schema.js';
import { ruleDocText } from '../server/rules/docs.js';
import { RULES } from '../server/rules/registry.js';

function jsonSchema(schema: z.ZodType, id: string, title: string): string {
  const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as Record<string, unknown>;
  return `${JSON.stringify({ $id: id, title, ...generated }, null, 2)}\n`;
}

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('schemas/strategy-model.schema.json', jsonSchema(ExportSchema, 'https://strategy-language.invalid/schemas/strategy-model.schema.json', 'Strategy document model'));
  files.set('schemas/strategy.config.schema.json', jsonSchema(ConfigSchema, 'https://strategy-language.invalid/schemas/strategy.config.schema.json', 'strategy.config.json'));
  const index = ['# Rules', '', '| Rule | Default | What it reports |', '|---|---|---|'];
  for (const r of RULES) {
    files.set(`docs/rules/${r.meta.id}.md`, ruleDocText(r.meta.id)!);
    index.push(`| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
  }
  index.push('', 'Syntax errors are reported as `syntax-error`; they cannot be configured or suppressed.', '');
  files.set('docs/rules/README.md', index.join('\n'));
  return files;
}
