/**
 * The report as the editor's preview shows it: the same page as
 * `strategy report`, with `file:line` as buttons that reveal the line, one
 * inline script and style under a nonce, and a policy that loads nothing.
 */
import { HtmlRenderer, renderHtml, reportBodyHtml } from './render-html.js';
import { PREVIEW_SCRIPT } from './preview-script.js';
import type { Report } from './report-model.js';

export interface PreviewOptions {
  /** A fresh random nonce per page. */
  readonly nonce: string;
  /** The webview's own source (`webview.cspSource`), allowed for images only. */
  readonly cspSource: string;
}

export function previewCsp(options: PreviewOptions): string {
  return `default-src 'none'; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}'; img-src ${options.cspSource} data:; form-action 'none'; base-uri 'none'`;
}

/** The whole page (for the first load) and its body alone (for updates). */
export function previewPage(report: Report, options: PreviewOptions): { html: string; body: string } {
  const html = renderHtml(report, { links: { kind: 'editor' }, csp: previewCsp(options), nonce: options.nonce, script: PREVIEW_SCRIPT });
  return { html, body: previewBody(report) };
}

export function previewBody(report: Report): string {
  return reportBodyHtml(report, new HtmlRenderer({ links: { kind: 'editor' } }));
}
