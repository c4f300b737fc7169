/** SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, VS Code's SARIF viewer). */
import { pathToFileURL } from 'node:url';
import { RULES, SYNTAX_ERROR_ID } from '../../rules/registry.js';
import type { Finding, Severity } from '../../rules/rule.js';
import type { FileResult } from '../lint-result.js';
import { ruleDocText } from '../../rules/docs.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

function region(f: Finding['range']) {
  return { startLine: f.start.line + 1, startColumn: f.start.character + 1, endLine: f.end.line + 1, endColumn: f.end.character + 1 };
}

export function formatSarif(results: readonly FileResult[], cwd: string, version: string): string {
  const descriptors = [
    ...RULES.map((r) => ({
      id: r.meta.id,
      name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: r.meta.description },
      help: { text: ruleDocText(r.meta.id) ?? r.meta.description, markdown: ruleDocText(r.meta.id) ?? r.meta.description },
      defaultConfiguration: r.meta.defaultSeverity === 'off' ? { enabled: false } : { level: LEVEL[r.meta.defaultSeverity] },
    })),
    {
      id: SYNTAX_ERROR_ID,
      name: 'SyntaxError',
      shortDescription: { text: 'The text does not follow the Strategy language.' },
      defaultConfiguration: { level: 'error' as const },
    },
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const base = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const artifacts = results.map((r) => ({ location: { uri: r.display, uriBaseId: 'SRCROOT' } }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'strategy', semanticVersion: version, rules: descriptors } },
        originalUriBaseIds: { SRCROOT: { uri: base } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId) ?? 0,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: r.display, uriBaseId: 'SRCROOT', index: artifactIndex }, region: region(f.range) } }],
            ...(f.related?.length
              ? {
                  relatedLocations: f.related.map((rel, i) => ({
                    id: i,
                    message: { text: rel.message },
                    physicalLocation: { artifactLocation: { uri: rel.uri === r.path ? r.display : pathToFileURL(rel.uri).href }, region: region(rel.range) },
                  })),
                }
              : {}),
            ...(f.fix
              ? {
                  fixes: [
                    {
                      description: { text: f.fix.title },
                      artifactChanges: [
                        {
                          artifactLocation: { uri: r.display, uriBaseId: 'SRCROOT' },
                          replacements: f.fix.edits.map((e) => ({ deletedRegion: { charOffset: e.range.start.offset, charLength: e.range.end.offset - e.range.start.offset }, insertedContent: { text: e.newText } })),
                        },
                      ],
                    },
                  ],
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
