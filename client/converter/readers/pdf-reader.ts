/**
 * PDF to positioned text runs with pdfjs-dist, then to blocks (pdf-layout).
 * pdfjs's worker runs on the main thread here: the worker module is loaded
 * and handed to pdfjs, so nothing is fetched from a path at run time and the
 * reader works the same from the bundle and from the compiled sources.
 */
import type { Block } from '../layout/blocks.js';
import { layoutPdf, type PdfPage, type PdfRun } from './pdf-layout.js';

type PdfModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfModule> | undefined;

function loadPdfjs(): Promise<PdfModule> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

const BOLD_FONT = /bold|black|heavy|semibold|demi/i;

function isTextItem(item: object): item is { str: string; transform: number[]; width: number; fontName: string } {
  return 'str' in item && 'transform' in item;
}

export async function readPdf(data: Uint8Array): Promise<Block[]> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      // The font objects (with their real names, which say whether they are bold) exist once the page's operators are loaded.
      await page.getOperatorList();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!isTextItem(item) || item.str === '') continue;
        const [a, b, , d, e, f] = item.transform as [number, number, number, number, number, number];
        let fontName = '';
        try {
          const font: unknown = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : undefined;
          if (font && typeof font === 'object' && 'name' in font && typeof font.name === 'string') fontName = font.name;
        } catch {
          // A font pdfjs could not load leaves the run's weight unknown: read as regular.
        }
        runs.push({ text: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) || Math.abs(d), bold: BOLD_FONT.test(fontName) });
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    return layoutPdf(pages);
  } finally {
    await doc.destroy();
  }
}
