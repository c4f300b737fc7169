/**
 * What a linted document contributes to `strategy report`, whichever thread
 * linted it: its findings as the run reports them (recorded bulk
 * suppressions applied), its report built (`buildDocument`) and rendered
 * into its part of the output, and what the report's frame needs of it (its
 * counts, rule ids, national view input). Plain data comes out, so that a
 * worker thread makes the same part as the main thread would.
 */
import type { AnalysedDocument } from '../analysis/document-model.js';
import type { LintSettings } from '../analysis/engine.js';
import type { Workspace } from '../analysis/workspace.js';
import { buildDocument, explanationOf, type DocumentContribution } from '../report/build-report.js';
import type { RuleLookup } from '../report/render-html.js';
import type { FrameworkKey } from '../report/render-stream.js';
import type { DocumentReport } from '../report/report-model.js';
import type { DocumentPart, StreamedReport } from '../report/streamed-report.js';
import type { Finding } from '../rules/rule.js';
import { reportedFindings, type Suppressions } from './bulk-suppressions.js';
import { displayPath } from './files.js';
import { unusedSuppressionSeverity } from './file-report.js';

/** Rule explanations from the registry, as the report's rules section gives them. */
export const RULE_EXPLANATIONS: RuleLookup = { get: explanationOf };

/** A document's share of the report, as it crosses between threads. */
export interface ReportPart {
  readonly contribution: DocumentContribution;
  readonly part: DocumentPart;
}

/** What every document of a run is reported with. */
export interface ReportContext {
  readonly cwd: string;
  readonly version: string;
  /** The suppressions file as messages name it. */
  readonly suppressionsShown: string;
}

/** The recorded suppressions as one document's report needs them. */
export interface RecordedSuppressions {
  readonly suppressions: Suppressions;
  readonly key: string;
}

/** A linted document reported: its part, and its model (kept on the thread that built it, for a report of one document). */
export function reportDocument(
  doc: AnalysedDocument,
  linted: readonly Finding[],
  workspace: Workspace,
  settings: LintSettings,
  recorded: RecordedSuppressions,
  context: ReportContext,
  streamed: StreamedReport,
  viewCertain: (framework: FrameworkKey) => boolean,
): ReportPart & { readonly model: DocumentReport } {
  const findings = reportedFindings(recorded.suppressions, recorded.key, linted, unusedSuppressionSeverity(settings), context.suppressionsShown, doc.parsed.lines.positionAt(0));
  const displayOf = (uri: string): string => displayPath(uri, context.cwd);
  const { report, contribution } = buildDocument({ doc, file: displayOf(doc.uri), findings }, workspace, { catalogue: settings.catalogue, displayOf, version: context.version });
  return { contribution, part: streamed.part(report, viewCertain), model: report };
}
