/**
 * SARIF 2.1.0 as code scanning (GitHub, Azure DevOps, VS Code's SARIF
 * viewer) takes it: artifact URIs relative to `%SRCROOT%` and
 * percent-encoded, each rule with its `helpUri`, the tool with its
 * `informationUri`, and `partialFingerprints` that do not depend on line
 * numbers, so a finding keeps its identity when lines above it move.
 */
import { hash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL, ruleDocsUrl } from '../../rules/docs-url.js';
import { RULES, SYNTAX_ERROR_ID } from '../../rules/registry.js';
import type { Finding, Severity } from '../../rules/rule.js';
import type { FileResult } from '../lint-result.js';
import type { Formatter } from './index.js';
import { ruleDocText } from '../../rules/docs.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base every artifact URI is relative to (the working folder). */
export const SRCROOT = '%SRCROOT%';

/** A path as a URI reference: relative and percent-encoded inside the working folder, a file URL outside it. */
export function artifactUri(display: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(display)) return { uri: pathToFileURL(display).href };
  return { uri: display.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/**
 * A finding's identity without its line: rule, file, message and the
 * trimmed text of its first line, plus which occurrence of that same
 * finding it is in the file.
 */
function fingerprint(ruleId: string, file: string, message: string, lineText: string, occurrence: number): string {
  return hash('sha256', [ruleId, file, message, lineText.trim(), String(occurrence)].join('\u0000'), 'hex').slice(0, 32);
}

function region(f: Finding['range']) {
  return { startLine: f.start.line + 1, startColumn: f.start.character + 1, endLine: f.end.line + 1, endColumn: f.end.character + 1 };
}

/** The rules as SARIF describes them: every rule, so that `ruleIndex` means the same in every run. */
function ruleDescriptors() {
  return [
    ...RULES.map((r) => ({
      id: r.meta.id,
      name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: r.meta.description },
      helpUri: ruleDocsUrl(r.meta.id),
      help: { text: ruleDocText(r.meta.id) ?? r.meta.description, markdown: ruleDocText(r.meta.id) ?? r.meta.description },
      defaultConfiguration: r.meta.defaultSeverity === 'off' ? { enabled: false } : { level: LEVEL[r.meta.defaultSeverity] },
    })),
    {
      id: SYNTAX_ERROR_ID,
      name: 'SyntaxError',
      shortDescription: { text: 'The text does not follow the Strategy language.' },
      helpUri: ruleDocsUrl(SYNTAX_ERROR_ID),
      defaultConfiguration: { level: 'error' as const },
    },
  ];
}

/** Where `results` stands in the log, found and replaced by the text of the results kept so far. */
const RESULTS_PLACEHOLDER = '\u0000results\u0000';
/** The indentation of an entry of `runs[0].results` in `JSON.stringify(log, null, 2)`. */
const RESULT_INDENT = '\n        ';

/**
 * What stands for a result's artifact index until the joiner knows it (a
 * file's place among the files reported, which the thread making the file's
 * part cannot know). In the text of a result it appears exactly once, first
 * of any `"index": ` (a quote inside a string is escaped, so no text of the
 * file's can read the same).
 */
const ARTIFACT_INDEX_LATER = -1;
const ARTIFACT_INDEX_TEXT = `"index": ${ARTIFACT_INDEX_LATER}`;

/** A result's text, cut where its artifact index goes: what comes before the index, and after it. */
type ResultText = readonly [before: string, after: string];

/** A file as an artifact, and its results as text, their artifact index left for the joiner. */
interface ArtifactResults {
  readonly location: ReturnType<typeof artifactUri>;
  readonly results: readonly ResultText[];
}

/**
 * Stringified at the depth of `runs[0].results`'s entries, a result comes out
 * indented as it stands in the log: the brackets around it are cut. (Indenting
 * its text afterwards, and putting in its index by a search and replace in
 * the joiner, took as long as making it.)
 */
const AT_RESULT_DEPTH = JSON.stringify([[[['']]]], null, 2).split('""');
const BEFORE_RESULT = AT_RESULT_DEPTH[0]!.length;
const AFTER_RESULT = AT_RESULT_DEPTH[1]!.length;

function resultText(result: object): ResultText {
  const text = JSON.stringify([[[[result]]]], null, 2);
  const at = text.indexOf(ARTIFACT_INDEX_TEXT);
  return [text.slice(BEFORE_RESULT, at), text.slice(at + ARTIFACT_INDEX_TEXT.length, text.length - AFTER_RESULT)];
}

/**
 * The same text as `JSON.stringify(log, null, 2)`. The log's artifacts come
 * before its results and both need every file, so each file's results are
 * kept as text (not as findings) until the end.
 */
export function sarifFormatter(cwd: string, version: string): Formatter<ArtifactResults> {
  const descriptors = ruleDescriptors();
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  return {
    part(r) {
      // The file's URI, made once: the artifact and every result name it.
      const location = artifactUri(r.display);
      return { location, results: resultsOf(r, location, ARTIFACT_INDEX_LATER, index).map(resultText) };
    },
    join() {
      const artifacts: { location: ReturnType<typeof artifactUri> }[] = [];
      const resultTexts: string[] = [];
      return {
        add(file) {
          const artifactIndex = artifacts.length;
          artifacts.push({ location: file.location });
          const indexText = `"index": ${artifactIndex}`;
          for (const [before, after] of file.results) resultTexts.push(before + indexText + after);
          return '';
        },
        end() {
          const base = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
          const log = {
            $schema: SARIF_SCHEMA,
            version: '2.1.0',
            runs: [
              {
                tool: { driver: { name: 'strategy', semanticVersion: version, informationUri: REPOSITORY_URL, rules: descriptors } },
                originalUriBaseIds: { [SRCROOT]: { uri: base } },
                columnKind: 'utf16CodeUnits',
                artifacts,
                results: resultTexts.length > 0 ? [RESULTS_PLACEHOLDER] : [],
              },
            ],
          };
          const text = JSON.stringify(log, null, 2);
          if (resultTexts.length === 0) return `${text}\n`;
          const at = text.indexOf(JSON.stringify(RESULTS_PLACEHOLDER));
          // One join makes the whole log, flat: joining the results and then adding the rest made a tree the output copied again (twice the log's size, 200 MB for a thousand files).
          const pieces = resultTexts.slice();
          const last = pieces.length - 1;
          pieces[0] = text.slice(0, at) + pieces[0]!;
          pieces[last] = `${pieces[last]!}${text.slice(at + JSON.stringify(RESULTS_PLACEHOLDER).length)}\n`;
          return pieces.join(`,${RESULT_INDENT}`);
        },
      };
    },
  };
}

function resultsOf(r: FileResult, location: ReturnType<typeof artifactUri>, artifactIndex: number, index: ReadonlyMap<string, number>) {
  // Lines as the parse counts them (a lone CR ends a line too), so that a fingerprint quotes the finding's own line.
  const lineOf = (n: number): string => (n < r.lines.lineCount ? r.lines.lineText(n) : '');
  const seen = new Map<string, number>();
  return r.findings.map((f) => {
    const key = `${f.ruleId}\u0000${f.message}\u0000${lineOf(f.range.start.line).trim()}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifactIndex }, region: region(f.range) } }],
    partialFingerprints: { 'strategyFinding/v1': fingerprint(f.ruleId, r.display, f.message, lineOf(f.range.start.line), occurrence) },
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((rel, i) => ({
            id: i,
            message: { text: rel.message },
            physicalLocation: { artifactLocation: rel.uri === r.path ? location : { uri: pathToFileURL(rel.uri).href }, region: region(rel.range) },
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
                  artifactLocation: location,
                  replacements: f.fix.edits.map((e) => ({ deletedRegion: { charOffset: e.range.start.offset, charLength: e.range.end.offset - e.range.start.offset }, insertedContent: { text: e.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
    };
  });
}
