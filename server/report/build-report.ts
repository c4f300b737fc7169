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
import { frameworkIndexOf } from '../analysis/framework-index.js';
import { nationalInput, NationalViewCollector, type NationalInput } from './national-view.js';
import { buildOverview, countsSection } from './overview.js';
import { ownersSection } from './owners.js';
import type { ReportFrame } from './render-html.js';
import { REPORT_FORMAT_VERSION, type DocumentReport, type Report, type RuleExplanation, type SeverityCounts } from './report-model.js';
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
 * What a document adds to the report beyond its own section: its counts,
 * the rules its findings name, and the national view's input. Plain data, so
 * that a worker thread that built the document can send it to the thread
 * that joins the report.
 */
export interface DocumentContribution {
  readonly findings: SeverityCounts;
  readonly ruleIds: readonly string[];
  readonly national: NationalInput | null;
}

/** A document's report and what it adds to the whole; `options.catalogue` is the document's own settings' (per folder). */
export function buildDocument(entry: ReportEntry, workspace: Workspace, options: ReportOptions): { report: DocumentReport; contribution: DocumentContribution } {
  const framework = strategyFramework(entry.doc, workspace);
  const { report, answers } = buildDocumentReport(entry, workspace, options, framework);
  const ruleIds = [...new Set(entry.findings.map((f) => f.ruleId))];
  const national = framework && answers ? nationalInput(entry.doc, entry.file, framework, answers) : null;
  return { report, contribution: { findings: report.overview.findings, ruleIds, national } };
}

/**
 * The report built one document at a time: each document is summarised into
 * its sections as it comes (its tree can be let go straight after), and the
 * national views keep per strategy only how many commitments answer each
 * action. What `strategy report` streams a 1,000-file workspace through;
 * with worker threads, each document is built where it is linted
 * (`buildDocument`) and only its contribution is added here.
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
    const { report, contribution } = buildDocument(entry, this.workspace, { ...this.options, catalogue });
    this.contribute(contribution);
    if (this.keepDocuments) this.documents.push(report);
    return report;
  }

  /** Adds what a document built elsewhere (`buildDocument`) contributes; its framework is found again in this builder's workspace. */
  contribute(c: DocumentContribution): void {
    if (c.national) {
      const framework = frameworkIndexOf(this.workspace.get(c.national.frameworkUri) ?? missingFramework(c.national.frameworkUri));
      if (!framework) throw new Error(`internal error: ${c.national.frameworkUri} is no framework here`);
      this.national.add(c.national.strategy, framework, c.national.counts);
    }
    this.totals.errors += c.findings.errors;
    this.totals.warnings += c.findings.warnings;
    this.totals.infos += c.findings.infos;
    for (const id of c.ruleIds) this.ruleIds.add(id);
    this.files++;
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

function missingFramework(uri: string): never {
  throw new Error(`internal error: framework ${uri} is not in the workspace the report is joined against`);
}

export function buildReport(entries: readonly ReportEntry[], workspace: Workspace, options: ReportOptions): Report {
  const builder = new ReportBuilder(workspace, options);
  for (const e of entries) builder.add(e);
  return builder.finish();
}
