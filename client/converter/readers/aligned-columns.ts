/**
 * Tables a plain-text export set out in aligned columns ("Action   Lead
 * Timescale"): consecutive lines whose wide gaps (three spaces or more) end
 * at the same places. The column starts are those the first line (the
 * header) and most of the block share; each line is cut there into
 * tab-separated cells, which the text reader then reads as a table.
 */

const GAP = / {3,}(?=\S)/g;

function columnStarts(line: string): number[] {
  const out: number[] = [];
  for (const m of line.trimEnd().matchAll(GAP)) if (m.index! > 0 && /\S/.test(line.slice(0, m.index))) out.push(m.index! + m[0].length);
  return out;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1;
}

/** Lines with aligned-column blocks rewritten as tab-separated rows; other lines as they were. */
export function alignedColumnsAsTabs(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < lines.length; ) {
    const header = columnStarts(lines[i]!);
    if (header.length === 0 || lines[i]!.includes('\t') || /^\s*(?:[-*+•]|\d+[.)]|#|\|)\s/.test(lines[i]!)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '' && !lines[end]!.includes('\t')) end++;
    const block = lines.slice(i, end);
    // A column: a start the header has and most rows either share or leave empty.
    const shared = header.filter((x) => {
      const agree = block.slice(1).filter((l) => columnStarts(l).some((y) => near(x, y)) || (l.length > x && l[x - 1] === ' ' && l[x] !== ' ')).length;
      return agree >= Math.max(1, (block.length - 1) * 0.6);
    });
    if (shared.length === 0 || block.length < 2) {
      i = end;
      continue;
    }
    for (let k = i; k < end; k++) {
      const line = lines[k]!;
      const cells: string[] = [];
      let from = 0;
      for (const x of shared) {
        // Cut at the column's start, or at the gap nearest it (a row may be off by one).
        const at = [x, x - 1, x + 1].find((p) => p > from && p <= line.length && line[p - 1] === ' ' && line[p] !== ' ') ?? -1;
        if (at < 0) {
          cells.push(line.length > x ? '' : line.slice(from).trim());
          if (line.length <= x) from = line.length;
          continue;
        }
        cells.push(line.slice(from, at).trim());
        from = at;
      }
      cells.push(line.slice(from).trim());
      out[k] = cells.join('\t');
    }
    i = end;
  }
  return out;
}
