/**
 * Files generated from the code's single sources of truth: the JSON Schemas
 * (from the zod schemas) and the rule doc pages (from each rule's metadata).
 * `npm run generate` writes them; a test fails when a committed copy is stale.
 */
import { z } from 'zod';
import { toJSONSchema } from 'zod/mini';
import { ConverterConfigSchema } from '../client/converter/config.js';
import { ExportSchema } from '../grammar/model-schema.js';
import { ConfigSchema } from '../server/config/config-schema.js';
import { ruleDocText } from '../server/rules/docs.js';
import { RULES } from '../server/rules/registry.js';

const OPTIONS = { target: 'draft-7', io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' } as const;

function jsonSchema(generated: Record<string, unknown>, id: string, title: string): string {
  return `${JSON.stringify({ $id: id, title, ...generated }, null, 2)}\n`;
}

/** The config's JSON Schema, its `converter` key described by the converter's own (full zod) schema. */
function configJsonSchema(): Record<string, unknown> {
  const config = toJSONSchema(ConfigSchema, OPTIONS) as { properties: Record<string, unknown> };
  const { $schema: _drop, ...converter } = z.toJSONSchema(ConverterConfigSchema, OPTIONS) as Record<string, unknown>;
  config.properties['converter'] = converter;
  return config;
}

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('schemas/strategy-model.schema.json', jsonSchema(toJSONSchema(ExportSchema, OPTIONS) as Record<string, unknown>, 'https://strategy-language.invalid/schemas/strategy-model.schema.json', 'Strategy document model'));
  files.set('schemas/strategy.config.schema.json', jsonSchema(configJsonSchema(), 'https://strategy-language.invalid/schemas/strategy.config.schema.json', 'strategy.config.json'));
  const index = ['# Rules', '', '| Rule | Default | What it reports |', '|---|---|---|'];
  for (const r of RULES) {
    files.set(`docs/rules/${r.meta.id}.md`, ruleDocText(r.meta.id)!);
    index.push(`| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
  }
  index.push('', 'Syntax errors are reported as `syntax-error`; they cannot be configured or suppressed.', '');
  files.set('docs/rules/README.md', index.join('\n'));
  return files;
}
