/**
 * PDF to positioned text runs and painted rectangles with pdfjs-dist, then
 * to blocks (pdf-layout). pdfjs's worker runs on the main thread here: the
 * worker module is loaded and handed to pdfjs, so nothing is fetched from a
 * path at run time and the reader works the same from the bundle and from
 * the compiled sources.
 */
import type { Block } from '../layout/blocks.js';
import { layoutPdf, type PdfPage, type PdfRun } from './pdf-layout.js';
import { paintedRects, type PathOps } from './pdf-paths.js';

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

const BOLD_FONT = /bold|black|heavy|semibold|demi|,b\b|-b\b/i;

function isTextItem(item: object): item is { str: string; transform: number[]; width: number; fontName: string } {
  return 'str' in item && 'transform' in item;
}

export async function readPdf(data: Uint8Array): Promise<Block[]> {
  const pdfjs = await loadPdfjs();
  const ops: PathOps = pdfjs.OPS;
  const task = pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      // The operators give the painted rectangles (tables), and once loaded the font objects, whose real names say
      // whether they are bold.
      const operators = await page.getOperatorList();
      const boldFonts = new Map<string, boolean>();
      const isBold = (fontName: string): boolean => {
        let bold = boldFonts.get(fontName);
        if (bold === undefined) {
          bold = false;
          try {
            const font: unknown = page.commonObjs.has(fontName) ? page.commonObjs.get(fontName) : undefined;
            if (font && typeof font === 'object') {
              const name = 'name' in font && typeof font.name === 'string' ? font.name : '';
              bold = BOLD_FONT.test(name) || ('bold' in font && font.bold === true);
            }
          } catch {
            // A font pdfjs could not load leaves the run's weight unknown: read as regular.
          }
          boldFonts.set(fontName, bold);
        }
        return bold;
      };
      // Runs and rectangles into the page as it is shown (rotation and origin applied), y up from its bottom.
      const [va, vb, vc, vd, ve, vf] = viewport.transform as [number, number, number, number, number, number];
      const toPage = (x: number, y: number): [number, number] => [va * x + vc * y + ve, viewport.height - (vb * x + vd * y + vf)];
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!isTextItem(item) || item.str === '') continue;
        const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
        const [x, y] = toPage(e, f);
        // The run's direction on the page: text set at an angle (a margin label, an axis title) keeps its words but
        // is measured by its length alone.
        const dx = va * a + vc * b;
        const dy = vb * a + vd * b;
        const size = Math.hypot(c, d) || Math.hypot(a, b);
        const upright = Math.abs(dy) < 1e-3 * Math.abs(dx) && dx > 0;
        runs.push({ text: item.str, x, y, width: upright ? item.width * (Math.abs(dx) / (Math.hypot(a, b) || 1)) : size * item.str.length * 0.5, size, bold: isBold(item.fontName) });
      }
      const rects = paintedRects(operators.fnArray, operators.argsArray, ops).map((r) => {
        const [ax, ay] = toPage(r.x0, r.y0);
        const [bx, by] = toPage(r.x1, r.y1);
        return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
      });
      pages.push({ width: viewport.width, height: viewport.height, runs, rects });
      page.cleanup();
    }
    return layoutPdf(pages);
  } finally {
    await doc.destroy();
  }
}
