/** `strategy rules`: what the linter checks, with default severities. */
import { ruleDocsUrl } from '../../rules/docs-url.js';
import { RULES } from '../../rules/registry.js';
import { EXIT, type CliIo } from '../io.js';

export function rulesCommand(io: CliIo, json: boolean): number {
  if (json) {
    io.stdout(
      `${JSON.stringify(
        RULES.map((r) => ({
          id: r.meta.id,
          defaultSeverity: r.meta.defaultSeverity,
          ...(r.meta.severityByStatus ? { severityByStatus: r.meta.severityByStatus } : {}),
          fixable: r.meta.fixable,
          description: r.meta.description,
          docs: ruleDocsUrl(r.meta.id),
        })),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  for (const r of RULES) io.stdout(`${r.meta.id.padEnd(width)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.fixable ? 'fix  ' : '     '}${r.meta.description}\n`);
  return EXIT.ok;
}
