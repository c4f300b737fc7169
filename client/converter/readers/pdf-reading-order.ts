/**
 * Reading order on a PDF page by recursive cuts (the XY-cut): a region is
 * split down a gutter (a vertical strip no text crosses) into columns read
 * left to right, else across its widest horizontal gap into bands read top
 * to bottom, and each part is cut again. Gutters are found per region, not
 * assumed: a heading across the page, then two columns, then a full-width
 * table all read as a person reads them.
 *
 * A strip between cells of a table drawn without rules is no gutter: where
 * the blocks on both sides start at the same heights (rows), the region is
 * left whole, and its lines keep their cells side by side.
 */

export interface Box {
  readonly x0: number;
  readonly x1: number;
  /** Bottom and top (PDF units, y up). */
  readonly y0: number;
  readonly y1: number;
  /** Baseline, for text: lines are compared by it. */
  readonly baseline?: number;
  readonly size?: number;
  /** How much text it holds (characters), for telling columns of prose from the cells of a table. */
  readonly chars?: number;
}

export interface CutOptions {
  /** The narrowest gutter, in PDF units. */
  readonly minGutter: number;
}

function starts(boxes: readonly Box[]): number[] {
  const baselines = [...new Set(boxes.filter((b) => b.baseline !== undefined).map((b) => Math.round(b.baseline!)))].sort((a, b) => b - a);
  if (baselines.length === 0) return [];
  const pitches = baselines.slice(1).map((y, k) => baselines[k]! - y);
  const pitch = pitches.length ? [...pitches].sort((a, b) => a - b)[Math.floor(pitches.length / 2)]! : 0;
  return baselines.filter((y, k) => k === 0 || baselines[k - 1]! - y > pitch * 1.3);
}

interface TextLine {
  readonly baseline: number;
  readonly chars: number;
}

function lines(boxes: readonly Box[]): TextLine[] {
  const byBaseline = new Map<number, number>();
  for (const b of boxes) if (b.baseline !== undefined) byBaseline.set(Math.round(b.baseline), (byBaseline.get(Math.round(b.baseline)) ?? 0) + (b.chars ?? 0));
  return [...byBaseline].map(([baseline, chars]) => ({ baseline, chars }));
}

/** Text set in a column: three lines or more, most of them long. */
function prose(ls: readonly TextLine[]): boolean {
  if (ls.length < 3) return false;
  const sorted = ls.map((l) => l.chars).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]! >= 25;
}

/**
 * Whether two sides of a strip are the cells of rows rather than columns of
 * text: their blocks start at the same heights, or, unless both sides are
 * prose, their lines share baselines.
 */
function rowsAcross(left: readonly Box[], right: readonly Box[]): boolean {
  const a = starts(left);
  const b = starts(right);
  const [few, many] = a.length <= b.length ? [a, b] : [b, a];
  if (few.length >= 2 && few.filter((y) => many.some((z) => Math.abs(z - y) <= 2)).length / few.length >= 0.6) return true;
  const la = lines(left);
  const lb = lines(right);
  if (prose(la) && prose(lb)) return false;
  const [small, large] = la.length <= lb.length ? [la, lb] : [lb, la];
  if (small.length === 0) return false;
  return small.filter((l) => large.some((m) => Math.abs(m.baseline - l.baseline) <= 2)).length / small.length >= 0.6;
}

function verticalCuts<T extends Box>(boxes: readonly T[], options: CutOptions): T[][] | undefined {
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0);
  const parts: T[][] = [[sorted[0]!]];
  let right = sorted[0]!.x1;
  for (const b of sorted.slice(1)) {
    if (b.x0 - right >= options.minGutter) parts.push([b]);
    else parts[parts.length - 1]!.push(b);
    right = Math.max(right, b.x1);
  }
  if (parts.length < 2) return undefined;
  // Merge back parts whose two sides are the cells of rows.
  const merged: T[][] = [parts[0]!];
  for (const p of parts.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (rowsAcross(last, p)) last.push(...p);
    else merged.push(p);
  }
  return merged.length >= 2 ? merged : undefined;
}

function horizontalCut<T extends Box>(boxes: readonly T[]): T[][] | undefined {
  const sorted = [...boxes].sort((a, b) => b.y1 - a.y1);
  let bottom = sorted[0]!.y0;
  let best = 0;
  let at = -1;
  for (let k = 1; k < sorted.length; k++) {
    const gap = bottom - sorted[k]!.y1;
    if (gap > best) {
      best = gap;
      at = k;
    }
    bottom = Math.min(bottom, sorted[k]!.y0);
  }
  if (at < 0) return undefined;
  return [sorted.slice(0, at), sorted.slice(at)];
}

/** The boxes in reading order, grouped by the regions the cuts made (each group read top to bottom). */
export function readingOrder<T extends Box>(boxes: readonly T[], options: CutOptions): T[][] {
  if (boxes.length <= 1) return boxes.length ? [[...boxes]] : [];
  const columns = verticalCuts(boxes, options);
  if (columns) return columns.flatMap((c) => readingOrder(c, options));
  const bands = horizontalCut(boxes);
  if (bands) return bands.flatMap((b) => readingOrder(b, options));
  return [[...boxes]];
}
