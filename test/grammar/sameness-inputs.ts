/**
 * The inputs of the parse-sameness test (issue 12): the seeds as they are,
 * and deterministic mutations of them (cuts, inserted fragments that
 * recovery stumbles on, swapped and duplicated lines), so that error
 * recovery, brace planning and every message are covered, not only clean
 * parses. Deterministic by construction (a fixed PRNG, not fast-check), so
 * that recorded results stay comparable across versions of the libraries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SamenessInput {
  readonly name: string;
  readonly text: string;
}

/** mulberry32: a small, well-known PRNG; the same seed gives the same inputs forever. */
function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '{', '}', '"', '\u201c', '\u201d', '//', ' X ', 'NI 4', 'NI', '\n', '\r\n', 'commitment', 'owner', 'target from', 'by 2013-13', '%', ',', '/',
  'tbc', "'", '\\', '2009/1', 'priority P9 "', '{{{{', '}}}}', 'section "s"', 'narrative', '\t', '\u00e9', 'timing', 'from', 'to', 'by',
  'ongoing', 'period', 'partners {', 'glossary {', 'role', 'supports action', 'supports aim', 'national aim', 'status', 'measure', 'action 3',
  'frameworK', 'framework a,', '2010-04', '2010', 'note "n" {', '\u0000', 'target increase 5% NI 40 from 3 by 2011 "w"',
];

function mutate(text: string, random: () => number): string {
  let out = text;
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const r = random();
    if (r < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 80));
    else if (r < 0.8) out = out.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]! + out.slice(at);
    else {
      const lines = out.split('\n');
      const a = Math.floor(random() * lines.length);
      const b = Math.floor(random() * lines.length);
      if (r < 0.9) [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      else lines.splice(a, 0, ...Array.from({ length: 1 + Math.floor(random() * 40) }, () => lines[b]!));
      out = lines.join('\n');
    }
  }
  return out;
}

/** The seeds, then `mutations` mutated copies of them. */
export function samenessInputs(seedsDir: string, mutations = 600): SamenessInput[] {
  const seeds = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.strategy'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(seedsDir, f), 'utf8') }));
  const random = prng(20261201);
  const out: SamenessInput[] = [...seeds];
  for (let i = 0; i < mutations; i++) {
    const seed = seeds[Math.floor(random() * seeds.length)]!;
    out.push({ name: `${seed.name} mutation ${i}`, text: mutate(seed.text, random) });
  }
  return out;
}
