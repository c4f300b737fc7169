// Loaded with `node --require` into each command bench/report.mjs runs: at exit,
// writes the process's CPU time (user + system) and peak memory to the file
// named by STRATEGY_BENCH_USAGE. CPU time says more than wall time on a
// machine shared with other work.
'use strict';
const out = process.env.STRATEGY_BENCH_USAGE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('fs').writeFileSync(out, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMB: u.maxRSS / 1024 }));
  });
}
