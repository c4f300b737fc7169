/**
 * The rectangles a PDF page paints: table borders, ruling lines and cell
 * shading, in page space. pdf.js hands on a page's drawing as an operator
 * list whose paths are in the coordinates current when they were drawn, so
 * this replays the graphics state (save, restore, transform, form XObjects)
 * to place each one. Only straight, axis-aligned shapes are kept: a curve is
 * an illustration, not a rule.
 */

/** An axis-aligned rectangle in PDF page units (origin bottom left). A line is a rectangle a few units thin. */
export interface PdfRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Painted by stroking its outline (a border), not only filled (shading, or a line drawn as a thin fill). */
  readonly stroked?: boolean;
}

/** The operator codes this module reads (pdf.js's `OPS`), passed in so the module stays free of pdf.js. */
export interface PathOps {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly endPath: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF's `cm` pre-multiplies the current matrix).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js's path encoding (`DrawOPS`). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** Each straight sub-path's bounding box, when all its segments are horizontal or vertical. */
function subpathRects(data: ArrayLike<number>, m: Matrix, stroked: boolean): PdfRect[] {
  const out: PdfRect[] = [];
  let points: [number, number][] = [];
  let straight = true;
  const flush = (): void => {
    if (points.length >= 2 && straight) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      out.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys), ...(stroked ? { stroked } : {}) });
    }
    points = [];
    straight = true;
  };
  const add = (x: number, y: number): void => {
    const p = apply(m, x, y);
    const last = points[points.length - 1];
    // A diagonal segment: not a rule.
    if (last && Math.abs(last[0] - p[0]) > 0.5 && Math.abs(last[1] - p[1]) > 0.5) straight = false;
    points.push(p);
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === MOVE_TO) {
      flush();
      add(data[i + 1]!, data[i + 2]!);
      i += 3;
    } else if (op === LINE_TO) {
      add(data[i + 1]!, data[i + 2]!);
      i += 3;
    } else if (op === CURVE_TO) {
      straight = false;
      i += 7;
    } else if (op === QUAD_TO) {
      straight = false;
      i += 5;
    } else if (op === CLOSE) {
      flush();
      i += 1;
    } else {
      // An encoding this module does not know: stop reading the path rather than misread it.
      break;
    }
  }
  flush();
  return out;
}

/** At most this many shapes per page: a page of vector art is not a table. */
const MAX_SHAPES = 20000;

/** The straight shapes a page paints (filled or stroked; clipping paths are not painted). */
export function paintedRects(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: PathOps): PdfRect[] {
  const out: PdfRect[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length && out.length < MAX_SHAPES; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = Array.isArray(args) ? (args[0] as unknown) : undefined;
      if (matrix && typeof matrix === 'object' && 'length' in matrix && (matrix as ArrayLike<number>).length === 6) ctm = multiply(ctm, Array.from(matrix as ArrayLike<number>) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const [paint, paths] = args as [number, unknown[] | undefined];
      if (paint === ops.endPath || !Array.isArray(paths)) continue;
      const stroked = [ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke].includes(paint);
      for (const data of paths) if (data && typeof data === 'object' && 'length' in data) out.push(...subpathRects(data as ArrayLike<number>, ctm, stroked));
    }
  }
  return out;
}
