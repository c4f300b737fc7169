/**
 * Realistic generated strategy documents for benchmarks: every construct the
 * seeds use (priorities, aims, commitments with owner, timing, measures,
 * targets, notes, narratives, glossaries), deterministic for a given seed.
 */

/** A small deterministic PRNG (mulberry32), so every run measures the same text. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'partnership treatment recovery prevention enforcement community families young people drug alcohol misuse harm ' +
  'services housing employment offenders probation police council health wellbeing support access reduce increase ' +
  'develop ensure deliver improve monitor review engage strengthen local national county district commissioning ' +
  'workforce training outcomes evidence needs assessment pathways prisons release naloxone exchange education schools'
).split(' ');
const OWNERS = ['"West Mercia Police"', '"Public Health"', 'HO', 'DH, DCSF', '"District CDRPs"', '"Probation Service"', 'SMOG'];
const TIMINGS = ['2010-04 to 2013-03', 'by 2011-03 "By end March 2011"', 'ongoing from 2010-04 "Ongoing"', '2011/12', 'from 2010-06', '"Subject to evaluation"'];

function sentence(rnd: () => number, min: number, max: number): string {
  const n = min + Math.floor(rnd() * (max - min));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** A local strategy of about `targetBytes` (UTF-8), naming framework drugs-2008. */
export function generateStrategy(targetBytes: number, seed = 1, title = 'Generated Drug and Alcohol Strategy'): string {
  const rnd = random(seed);
  const parts: string[] = [
    `strategy "${title} ${seed}" {\n  area "Generated County"\n  period 2010-04 to 2013-03\n  status draft\n  framework drugs-2008\n}\n`,
    `narrative "Foreword" {\n  "${sentence(rnd, 40, 80)}."\n  "${sentence(rnd, 40, 80)}."\n}\n`,
  ];
  let size = parts.reduce((n, p) => n + Buffer.byteLength(p), 0);
  for (let p = 1; size < targetBytes - 200; p++) {
    const lines = [`priority P${p} "${sentence(rnd, 6, 14)}" {`, `  national aim PC.1`, `  measure NI ${pick(rnd, [30, 38, 40, 42, 110, 111, 115])}`];
    const commitments = 4 + Math.floor(rnd() * 8);
    for (let c = 1; c <= commitments; c++) {
      lines.push('', `  commitment P${p}.${c} "${sentence(rnd, 12, 30)}" {`);
      if (rnd() > 0.2) lines.push(`    owner ${pick(rnd, OWNERS)}`);
      lines.push(`    timing ${pick(rnd, TIMINGS)}`);
      if (rnd() > 0.5) lines.push(`    supports action ${1 + Math.floor(rnd() * 87)}, ${1 + Math.floor(rnd() * 87)}`);
      if (rnd() > 0.3) lines.push(`    target ${pick(rnd, ['increase', 'reduce', 'maintain'])} ${Math.floor(rnd() * 50)}% NI 40 from ${Math.floor(rnd() * 50)}% by 2013-03`);
      else lines.push('    target tbc');
      if (rnd() > 0.85) lines.push(`    note "${sentence(rnd, 3, 8)}?"`);
      lines.push('  }');
    }
    lines.push(`  "${sentence(rnd, 30, 70)}."`, '}', '');
    const chunk = lines.join('\n');
    parts.push(chunk);
    size += Buffer.byteLength(chunk) + 1;
  }
  parts.push('glossary {\n  CDRP "Crime and Disorder Reduction Partnership"\n  SMOG "Substance Misuse Oversight Group"\n}\n');
  return parts.join('\n');
}
