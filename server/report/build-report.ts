/**
 * Builds the report model from analysed documents and their findings: the
 * findings are the linter's own (`lintDocument`, after suppressions), so the
 * report's numbers are the linter's numbers.
 */
import type { AnalysedDocument } from '../analysis/document-model.js';
import { frameworkFor } from '../analysis/engine.js';
import type { FrameworkIndex } from '../analysis/framework-index.js';
import type { Workspace } from '../analysis/workspace.js';
import type { IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';
import { ruleMeta } from '../rules/registry.js';
import type { Finding } from '../rules/rule.js';
import { answersSection, buildCoverage, type Answers } from './coverage.js';
import { gapsSection } from './gaps.js';
import { measuresSection } from './measures.js';
import { NationalViewCollector } from './national-view.js';
import { buildOverview, countsSection } from './overview.js';
import { ownersSection } from './owners.js';
import type { ReportFrame } from './render-html.js';
import { REPORT_FORMAT_VERSION, type DocumentReport, type Report, type RuleExplanation } from './report-model.js';
import { walkSections } from './section-walk.js';
import { timelineSection } from './timeline.js';

export interface ReportEntry {
  readonly doc: AnalysedDocument;
  /** The file as the reader knows it (relative to the working folder or the workspace). */
  readonly file: string;
  readonly findings: readonly Finding[];
}

export interface ReportOptions {
  readonly catalogue: IndicatorCatalogue;
  /** How to show a file the entries do not name (a framework found through the configuration). */
  readonly displayOf: (uri: string) => string;
  readonly version: string;
}

const SYNTAX_EXPLANATION: RuleExplanation = {
  id: 'syntax-error',
  description: 'The text does not follow the language, so what follows may be read wrongly.',
  why: 'A statement the parser cannot read is left out of every check: gaps in it go unreported.',
  howToFix: 'Correct the statement as the message says; docs/language.md describes the language.',
};

export function explanationOf(ruleId: string): RuleExplanation {
  const meta = ruleMeta(ruleId);
  if (!meta) return { ...SYNTAX_EXPLANATION, id: ruleId };
  return { id: meta.id, description: meta.description, why: meta.docs.why, howToFix: meta.docs.howToFix };
}

/** A document's report, and who answers what in it (the national view's input), from one walk of its tree. */
function buildDocumentReport(entry: ReportEntry, workspace: Workspace, options: ReportOptions, framework: FrameworkIndex | undefined): { report: DocumentReport; answers: Answers | undefined } {
  const { doc, file, findings } = entry;
  const frameworkFile = framework ? (framework.document.uri === doc.uri ? file : options.displayOf(framework.document.uri)) : '';
  const counts = countsSection();
  const gaps = gapsSection(file, findings);
  const answers = framework ? answersSection(file, framework) : undefined;
  const timeline = timelineSection(doc, file);
  const owners = ownersSection(file);
  const measures = measuresSection(file, options.catalogue, findings);
  walkSections(doc, [counts, gaps, ...(answers ? [answers] : []), timeline, owners, measures]);
  const report: DocumentReport = {
    file,
    kind: doc.kind ?? 'unknown',
    overview: buildOverview(doc, workspace, findings, counts.counts),
    gaps: gaps.gaps(),
    coverage: framework && answers ? buildCoverage(answers.answers, framework, frameworkFile) : null,
    timeline: timeline.timeline,
    owners: owners.owners(),
    measures: measures.measures,
    targets: measures.targets,
  };
  return { report, answers: answers?.answers };
}

/** The framework a strategy answers to (its coverage and national view); none for a framework or other document. */
function strategyFramework(doc: AnalysedDocument, workspace: Workspace): FrameworkIndex | undefined {
  return doc.kind === 'strategy' ? frameworkFor(doc, workspace) : undefined;
}

/**
 * The report built one document at a time: each document is summarised into
 * its sections as it comes (its tree can be let go straight after), and the
 * national views keep per strategy only how many commitments answer each
 * action. What `strategy report` streams a 1,000-file workspace through.
 */
export class ReportBuilder {
  private readonly documents: DocumentReport[] = [];
  private files = 0;
  private readonly totals = { errors: 0, warnings: 0, infos: 0 };
  private readonly ruleIds = new Set<string>();
  private readonly national = new NationalViewCollector();

  /** `keepDocuments: false`: `add` gives each document's report to the caller (who renders it) and keeps only its counts. */
  constructor(
    private readonly workspace: Workspace,
    private readonly options: ReportOptions,
    private readonly keepDocuments = true,
  ) {}

  /** Adds a document and returns its report; `catalogue` is its own settings' (per folder), the options' by default. */
  add(entry: ReportEntry, catalogue: IndicatorCatalogue = this.options.catalogue): DocumentReport {
    const framework = strategyFramework(entry.doc, this.workspace);
    const { report, answers } = buildDocumentReport(entry, this.workspace, { ...this.options, catalogue }, framework);
    if (framework && answers) this.national.add(entry, framework, answers);
    const counts = report.overview.findings;
    this.totals.errors += counts.errors;
    this.totals.warnings += counts.warnings;
    this.totals.infos += counts.infos;
    for (const f of entry.findings) this.ruleIds.add(f.ruleId);
    this.files++;
    if (this.keepDocuments) this.documents.push(report);
    return report;
  }

  /** The report without its documents: what a streamed rendering needs at the end. */
  frame(): ReportFrame {
    return {
      formatVersion: REPORT_FORMAT_VERSION,
      generator: { name: 'strategy', version: this.options.version },
      totals: { files: this.files, findings: { ...this.totals } },
      nationalViews: this.national.views(this.options.displayOf),
      rules: [...this.ruleIds].sort().map(explanationOf),
    };
  }

  finish(): Report {
    const frame = this.frame();
    return { formatVersion: frame.formatVersion, generator: frame.generator, totals: frame.totals, documents: this.documents, nationalViews: frame.nationalViews, rules: frame.rules };
  }
}

export function buildReport(entries: readonly ReportEntry[], workspace: Workspace, options: ReportOptions): Report {
  const builder = new ReportBuilder(workspace, options);
  for (const e of entries) builder.add(e);
  return builder.finish();
}
