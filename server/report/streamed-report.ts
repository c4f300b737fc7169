/**
 * The HTML page or the markdown of a streamed report behind one face: parts
 * made a document at a time (`part`, on whichever thread built the
 * document), added in the documents' order, and the whole written at the
 * end. `strategy report` joins through it on one thread and on many alike.
 */
import type { DocumentReport } from './report-model.js';
import { HtmlReportStream, htmlPartMaker, type HtmlDocumentPart, type ReportFrame, type RuleLookup } from './render-html.js';
import { MarkdownReportStream, markdownPartMaker, type MarkdownDocumentPart } from './render-markdown.js';
import type { FrameworkKey, StrategiesPerFramework } from './render-stream.js';

export const STREAMED_FORMATS = ['html', 'markdown'] as const;
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];

/** A document's rendered share of the report: plain data, which crosses threads. */
export type DocumentPart = HtmlDocumentPart | MarkdownDocumentPart;

/** How a streamed report renders: plain data, so that a worker thread makes the same parts. */
export interface StreamOptions {
  readonly format: StreamedFormat;
  /** Links each `file:line` to this base address + file + `#L<line>`. */
  readonly linkBase?: string;
}

export interface StreamedReport {
  /** A document's part; `viewCertain`: whether its framework's national view is already certain (see `StrategiesPerFramework`). */
  part(d: DocumentReport, viewCertain: (framework: FrameworkKey) => boolean): DocumentPart;
  /** The next document's part, in order; `model`: its report, when at hand on this thread. */
  add(part: DocumentPart, model?: DocumentReport): void;
  /** The strategies per framework added so far: what the next part's `viewCertain` asks. */
  readonly answered: StrategiesPerFramework;
  /** A report of one document is written from its model: whether it was not given. */
  readonly needsModel: boolean;
  finish(frame: ReportFrame, write: (piece: string | Buffer) => void): void;
}

function isHtmlPart(part: DocumentPart): part is HtmlDocumentPart {
  return 'summary' in part;
}

export function streamedReport(options: StreamOptions, rules: RuleLookup): StreamedReport {
  if (options.format === 'html') {
    const html = { links: options.linkBase ? ({ kind: 'base', base: options.linkBase } as const) : ({ kind: 'text' } as const) };
    const stream = new HtmlReportStream(html, rules);
    const make = htmlPartMaker(html, rules);
    return {
      part: make,
      add(part, model) {
        if (!isHtmlPart(part)) throw new Error('internal error: a markdown part given to the HTML report');
        stream.addPart(part, model);
      },
      get answered() {
        return stream.answered;
      },
      get needsModel() {
        return stream.needsModel;
      },
      finish: (frame, write) => stream.finish(frame, write),
    };
  }
  const markdown = options.linkBase ? { linkBase: options.linkBase } : {};
  const stream = new MarkdownReportStream(markdown, rules);
  return {
    part: markdownPartMaker(markdown, rules),
    add(part) {
      if (isHtmlPart(part)) throw new Error('internal error: an HTML part given to the markdown report');
      stream.addPart(part);
    },
    get answered() {
      return stream.answered;
    },
    needsModel: false,
    finish: (frame, write) => stream.finish(frame, write),
  };
}
