// Measuring helpers shared by the benchmarks.
export const MB = 1024 * 1024;

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Median milliseconds of `fn` over `runs` runs, after one warm-up run. */
export function time(fn, runs) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export const mbps = (bytes, ms) => bytes / MB / (ms / 1000);
export const fmt = (n, d = 1) => n.toFixed(d);
