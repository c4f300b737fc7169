/** Each rule's doc page, built from its metadata (docs/rules/*.md are generated from this). */
import { RULES } from './registry.js';

export function ruleDocText(id: string): string | undefined {
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) return undefined;
  const m = rule.meta;
  const byStatus = Object.entries(m.severityByStatus ?? {}).map(([status, sev]) => `${sev} in a \`${status}\` strategy`);
  const severity = `${m.defaultSeverity === 'off' ? 'off by default' : `default severity: ${m.defaultSeverity}`}${byStatus.length > 0 ? `, ${byStatus.join(', ')} (configurable with \`rulesByStatus\`)` : ''}`;
  return [
    `# ${m.id}`,
    '',
    `${m.description} (${severity}${m.fixable ? '; `--fix` can mend some findings' : ''})`,
    '',
    '## Why',
    '',
    m.docs.why,
    '',
    '## How to fix',
    '',
    m.docs.howToFix,
    '',
    '## Example',
    '',
    'Reported:',
    '',
    '```strategy',
    m.docs.bad,
    '```',
    '',
    'Not reported:',
    '',
    '```strategy',
    m.docs.good,
    '```',
    '',
    '## Turning it off',
    '',
    `In strategy.config.json: \`{ "rules": { "${m.id}": "off" } }\`. For one line: \`// strategy-disable-next-line ${m.id} -- reason\`.`,
    '',
  ].join('\n');
}
