// Language server benchmark (not a test): starts the built dist/server.js as
// the extension does and measures, from a real JSON-RPC client,
//   - time to index a workspace (the converted seeds, and a generated
//     workspace of 1,000 files totalling 50 MB or more),
//   - latency from didChange to publishDiagnostics on a 1 MB document,
//   - completion, hover and definition latency, p50 and p95 over 200+ requests,
//   - the server's resident memory (RSS) after indexing.
// Prints a table and writes bench/results/lsp.json.
//
//   node bench/lsp.mjs [--files 1000] [--mb 52] [--requests 200] [--edits 30] [--keep]
//   node bench/lsp.mjs --only typing [--edits 1000] [--completions 100] [--baseline OTHER/dist/server.js]
//     only the typing scenario (edits of a 1 MB and a 60 KB document with no pause,
//     completion while a reparse is pending, RSS across the edits), for this build and,
//     with --baseline, another one in the same run, with the ratios.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatedStrategy, writeWorkspace } from './generate-workspace.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// `--server DIR/dist/server.js` measures another build (the previous implementation) with the same client.
const SERVER = args.includes('--server') ? args[args.indexOf('--server') + 1] : join(REPO, 'dist', 'server.js');
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FILES = option('files', 1000);
const MEGABYTES = option('mb', 52);
const REQUESTS = option('requests', 200);
const KEEP = args.includes('--keep');
const EDITS = option('edits', 30);
/** Completions sent while a reparse is pending, per client: p95 of 40 was the second-slowest, too few to be steady. */
const COMPLETIONS = option('completions', 100);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const BASELINE = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined;

const GOALS = { completionP95: 20, hoverP95: 20, diagnosticsAfterEdit: 50, index: 3000, rssMb: 300 };

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** A client speaking to a fresh server over stdio. */
async function startServer(folder, initializationOptions, extraCapabilities = {}, server = SERVER) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = [];
  const traces = [];
  const publishedUris = new Map();
  let readyResolve;
  const ready = new Promise((resolve) => (readyResolve = resolve));
  connection.onNotification('strategy/status', (p) => p.state === 'ready' && readyResolve({ ...p, at: performance.now() }));
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    const at = performance.now();
    if (!publishedUris.has(p.uri)) publishedUris.set(p.uri, at);
    for (const w of [...published]) {
      if (w.uri !== p.uri || w.version !== p.version) continue;
      published.splice(published.indexOf(w), 1);
      w.resolve(at);
    }
  });
  connection.onNotification(rpc.LogTraceNotification.type, (p) => traces.push(p.message));
  connection.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => null));
  connection.onRequest(rpc.RegistrationRequest.type, () => undefined);
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
  connection.listen();
  const started = performance.now();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true }, ...extraCapabilities },
    initializationOptions,
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  await connection.sendNotification(rpc.SetTraceNotification.type, { value: 'verbose' });
  const status = await ready;
  return {
    child,
    connection,
    traces,
    publishedUris,
    readyAt: status.at,
    indexWallMs: status.at - started,
    indexServerMs: status.durationMs,
    files: status.files,
    /** Resolves with the time the diagnostics for `uri` at `version` arrive. */
    diagnosticsFor: (uri, version) => new Promise((resolve) => published.push({ uri, version, resolve })),
    async stop() {
      await connection.sendRequest(rpc.ShutdownRequest.type);
      await connection.sendNotification(rpc.ExitNotification.type);
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      connection.dispose();
    },
  };
}

async function timeRequests(server, type, paramsList) {
  const times = [];
  for (const params of paramsList) {
    const t = performance.now();
    await server.connection.sendRequest(type, params);
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Request positions in a document: completion after `supports action ` and in `NI` codes, hover and definition on references. */
function positionsIn(text, count) {
  const supports = [...text.matchAll(/supports action (\d+)/g)].map((m) => m.index);
  const indicators = [...text.matchAll(/NI (\d+)/g)].map((m) => m.index);
  const pick = (list, i) => list[Math.floor((i * list.length) / count) % list.length];
  const completion = [];
  const hover = [];
  const definition = [];
  for (let i = 0; i < count; i++) {
    const s = pick(supports, i);
    const n = pick(indicators, i);
    completion.push(i % 2 === 0 ? positionAt(text, s + 'supports action '.length) : positionAt(text, n + 4));
    hover.push(i % 2 === 0 ? positionAt(text, s + 'supports action '.length) : positionAt(text, n + 3));
    definition.push(positionAt(text, s + 'supports action '.length));
  }
  return { completion, hover, definition };
}

async function measureRequests(server, uri, text) {
  const at = positionsIn(text, REQUESTS);
  const doc = { uri };
  return {
    completion: await timeRequests(server, rpc.CompletionRequest.type, at.completion.map((position) => ({ textDocument: doc, position }))),
    hover: await timeRequests(server, rpc.HoverRequest.type, at.hover.map((position) => ({ textDocument: doc, position }))),
    definition: await timeRequests(server, rpc.DefinitionRequest.type, at.definition.map((position) => ({ textDocument: doc, position }))),
  };
}

async function openDocument(server, path, text) {
  const uri = pathToFileURL(path).href;
  const first = server.diagnosticsFor(uri, 1);
  await server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'strategy', version: 1, text } });
  await first;
  return uri;
}

/** Edits a 1 MB document `edits` times (one character typed in a title), timing each edit to its diagnostics. */
async function measureEdits(server, uri, text, edits) {
  const times = [];
  /** Server RSS after 100, 250, 500, 1,000… edits: flat or growing. */
  const rssCurve = {};
  let version = 1;
  const anchor = text.indexOf('commitment P1.1 "') + 'commitment P1.1 "'.length;
  const position = positionAt(text, anchor);
  for (let i = 0; i < edits; i++) {
    version++;
    const arrived = server.diagnosticsFor(uri, version);
    const t = performance.now();
    await server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
    });
    times.push((await arrived) - t);
    if ([100, 250, 500, 1000, 2000].includes(i + 1)) rssCurve[i + 1] = rssMb(server.child.pid);
  }
  const parse = [];
  const lint = [];
  for (const line of server.traces) {
    const m = /parse ([\d.]+) ms, lint ([\d.]+) ms/.exec(line);
    if (m && line.includes(uri)) {
      parse.push(Number(m[1]));
      lint.push(Number(m[2]));
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length, parseP50: percentile(parse.slice(1), 50), lintP50: percentile(lint.slice(1), 50), rssCurve };
}

/**
 * Edits here and there: one character typed in the title of a different
 * commitment each time (every 37th, round the document), as an author
 * revising a long strategy does. Each edit reparses the block it touches and
 * keeps the rest, so what a kept block holds on to piles up across edits
 * unless it is only its own: the server's RSS after `edits` of them, against
 * before. `version` is the document's current version; returns the last.
 */
async function measureSpreadEdits(server, uri, text, edits, version) {
  const anchors = [];
  for (let i = text.indexOf('commitment P'); i >= 0; i = text.indexOf('commitment P', i + 1)) anchors.push(text.indexOf('"', i) + 1);
  // The lines before each anchor, kept as the edits (one character, no line break) leave them.
  const lines = anchors.map((a) => positionAt(text, a));
  const rssBefore = rssMb(server.child.pid);
  for (let i = 0; i < edits; i++) {
    const k = (i * 37) % anchors.length;
    version++;
    const arrived = server.diagnosticsFor(uri, version);
    await server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: lines[k], end: lines[k] }, text: 'x' }],
    });
    await arrived;
    // The title grew by one character: later anchors on its line move right (none: one title per line).
    lines[k] = { line: lines[k].line, character: lines[k].character + 1 };
  }
  return { rssBefore, rssAfter: rssMb(server.child.pid), edits, version };
}

/**
 * Completion as VS Code declares it: it resolves an item's documentation,
 * detail and additional edits when the item is focused.
 */
const VSCODE_COMPLETION = {
  textDocument: {
    completion: {
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        preselectSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
      },
    },
  },
};

/**
 * Completion sent right after an edit of the 1 MB document, while its reparse
 * is pending or running; where the items leave their documentation to
 * `completionItem/resolve`, the first item's resolve is timed too (what the
 * editor asks for next, to show it).
 */
async function completionDuringReparse(server, uri, text, count) {
  const at = positionsIn(text, count).completion;
  const anchor = positionAt(text, text.indexOf('commitment P1.1 "') + 'commitment P1.1 "'.length);
  let version = 10_000;
  const times = [];
  const resolves = [];
  for (let i = 0; i < count; i++) {
    version++;
    const arrived = server.diagnosticsFor(uri, version);
    await server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: anchor, end: anchor }, text: 'y' }],
    });
    const t = performance.now();
    const list = await server.connection.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: at[i] });
    times.push(performance.now() - t);
    const first = (Array.isArray(list) ? list : (list?.items ?? []))[0];
    if (first?.data !== undefined && first.documentation === undefined) {
      const r = performance.now();
      await server.connection.sendRequest(rpc.CompletionResolveRequest.type, first);
      resolves.push(performance.now() - r);
    }
    await arrived;
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length, resolveP50: percentile(resolves, 50), resolveP95: percentile(resolves, 95), resolved: resolves.length };
}

function seedsFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-seeds-'));
  const seeds = join(REPO, 'seeds');
  const converted = existsSync(seeds) ? readdirSync(seeds).filter((f) => f.endsWith('.strategy')) : [];
  if (converted.length > 0) for (const f of converted) cpSync(join(seeds, f), join(dir, f));
  else cpSync(join(REPO, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return { dir, source: converted.length > 0 ? 'seeds/*.strategy (converted)' : 'test/fixtures/workspace' };
}

/**
 * Typing with no pause: edits of a 1 MB document timed to their diagnostics
 * (server RSS before and after), the same on a 60 KB one, and completion sent
 * while the reparse an edit caused is pending.
 */
async function measureTyping(frameworkText, server) {
  const fixtures = mkdtempSync(join(tmpdir(), 'strategy-bench-nodelay-'));
  cpSync(join(REPO, 'test', 'fixtures', 'workspace'), fixtures, { recursive: true });
  writeFileSync(join(fixtures, 'national-0.strategy'), frameworkText);
  const s = await startServer(fixtures, { diagnosticsDelay: 0 }, VSCODE_COMPLETION, server);
  const bigText = generatedStrategy(9999, 1024 * 1024, 'national-0');
  const bigUri = await openDocument(s, join(fixtures, 'big-1mb.strategy'), bigText);
  const rssBeforeEdits = rssMb(s.child.pid);
  const diagnosticsAfterEdit = await measureEdits(s, bigUri, bigText, EDITS);
  const rssAfterEdits = rssMb(s.child.pid);
  const spreadText = generatedStrategy(9997, 1024 * 1024, 'national-0');
  const spreadUri = await openDocument(s, join(fixtures, 'spread-1mb.strategy'), spreadText);
  const spreadEdits = await measureSpreadEdits(s, spreadUri, spreadText, Math.min(EDITS, 300), 1);
  const smallText = generatedStrategy(9998, 60 * 1024, 'national-0');
  const smallUri = await openDocument(s, join(fixtures, 'small-60kb.strategy'), smallText);
  const smallEdits = await measureEdits(s, smallUri, smallText, Math.max(Math.min(EDITS, 200), 50));
  const duringReparse = await completionDuringReparse(s, bigUri, bigText, COMPLETIONS);
  await s.stop();
  // The same completions from a client that takes every item's documentation with the list (no resolveSupport).
  const eager = await startServer(fixtures, { diagnosticsDelay: 0 }, {}, server);
  const eagerUri = await openDocument(eager, join(fixtures, 'big-1mb.strategy'), bigText);
  const duringReparseEager = await completionDuringReparse(eager, eagerUri, bigText, COMPLETIONS);
  await eager.stop();
  rmSync(fixtures, { recursive: true, force: true });
  return {
    diagnosticsAfterEdit,
    rssBeforeEdits,
    rssAfterEdits,
    spreadEdits,
    edits: EDITS,
    smallDocument: { bytes: smallText.length, diagnosticsAfterEdit: smallEdits },
    completionDuringReparse: duringReparse,
    completionDuringReparseEager: duringReparseEager,
  };
}

/** `--only typing`: the typing scenario for this build and, with `--baseline`, another, in the same run. */
async function typingOnly() {
  const { generatedFramework } = await import('./generate-workspace.mjs');
  const framework = generatedFramework('national-0');
  const builds = [['this build', SERVER], ...(BASELINE ? [['baseline', BASELINE]] : [])];
  const out = {};
  for (const [name, server] of builds) out[name] = await measureTyping(framework, server);
  const ms = (v) => `${v.toFixed(1)} ms`;
  const rows = [['', ...builds.map(([n]) => n), ...(BASELINE ? ['ratio (this / baseline)'] : [])]];
  const row = (label, pick, format) => {
    const values = builds.map(([n]) => pick(out[n]));
    const ratio = values[0] / values[1];
    rows.push([label, ...values.map(format), ...(BASELINE ? [Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a'] : [])]);
  };
  row(`1 MB: didChange → diagnostics p50 (n=${EDITS})`, (r) => r.diagnosticsAfterEdit.p50, ms);
  row('1 MB: didChange → diagnostics p95 (goal < 50 ms)', (r) => r.diagnosticsAfterEdit.p95, ms);
  row('  of which parse p50 (server)', (r) => r.diagnosticsAfterEdit.parseP50, ms);
  row('  of which lint p50 (server)', (r) => r.diagnosticsAfterEdit.lintP50, ms);
  row('60 KB: didChange → diagnostics p50', (r) => r.smallDocument.diagnosticsAfterEdit.p50, ms);
  row('60 KB: didChange → diagnostics p95 (goal < 15 ms)', (r) => r.smallDocument.diagnosticsAfterEdit.p95, ms);
  row('completion p50 while a reparse is pending', (r) => r.completionDuringReparse.p50, ms);
  row('completion p95 while a reparse is pending (goal < 20 ms)', (r) => r.completionDuringReparse.p95, ms);
  row('  then resolving the first item p95 (lazy documentation)', (r) => r.completionDuringReparse.resolveP95, (v) => (Number.isFinite(v) ? ms(v) : 'n/a'));
  row('  completion p50, client without resolveSupport', (r) => r.completionDuringReparseEager.p50, ms);
  row('  completion p95, client without resolveSupport', (r) => r.completionDuringReparseEager.p95, ms);
  row('server RSS before the edits', (r) => r.rssBeforeEdits, (v) => `${v.toFixed(0)} MB`);
  for (const n of Object.keys(out['this build'].diagnosticsAfterEdit.rssCurve)) {
    if (Number(n) < EDITS) row(`server RSS after ${n} edits`, (r) => r.diagnosticsAfterEdit.rssCurve[n], (v) => `${v.toFixed(0)} MB`);
  }
  row(`server RSS after ${EDITS} edits (goal: flat)`, (r) => r.rssAfterEdits, (v) => `${v.toFixed(0)} MB`);
  const spread = out['this build'].spreadEdits.edits;
  row(`another 1 MB document opened: server RSS`, (r) => r.spreadEdits.rssBefore, (v) => `${v.toFixed(0)} MB`);
  row(`  after ${spread} edits in different blocks (goal: flat)`, (r) => r.spreadEdits.rssAfter, (v) => `${v.toFixed(0)} MB`);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  │  '));
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'lsp-typing.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, edits: EDITS, builds: Object.fromEntries(builds), results: out }, null, 2)}\n`);
  console.log('\nWrote bench/results/lsp-typing.json');
}

async function main() {
  if (ONLY === 'typing') return typingOnly();
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const results = { date: new Date().toISOString(), node: process.version, goals: GOALS, scenarios: {} };

  // 1. The converted seeds.
  const seeds = seedsFolder();
  {
    const server = await startServer(seeds.dir);
    const files = readdirSync(seeds.dir).filter((f) => f.endsWith('.strategy'));
    const local = files.find((f) => f.startsWith('gloucestershire')) ?? files[0];
    const text = readFileSync(join(seeds.dir, local), 'utf8');
    const uri = await openDocument(server, join(seeds.dir, local), text);
    const usable = /supports action \d+/.test(text) ? text : text.replace(/commitment "([^"]*)"/, 'commitment "$1" {\n supports action 3\n measure NI 40\n }');
    if (usable !== text) {
      const arrived = server.diagnosticsFor(uri, 2);
      await server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: usable }] });
      await arrived;
    }
    results.scenarios.seeds = {
      source: seeds.source,
      files: server.files,
      indexWallMs: server.indexWallMs,
      indexServerMs: server.indexServerMs,
      rssMb: rssMb(server.child.pid),
      document: `${local} (${(usable.length / 1024).toFixed(0)} KB)`,
      ...(await measureRequests(server, uri, usable)),
    };
    await server.stop();
  }
  rmSync(seeds.dir, { recursive: true, force: true });

  // 2. A generated workspace of FILES files, MEGABYTES MB.
  const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-'));
  const generatedAt = performance.now();
  const written = writeWorkspace(dir, FILES, MEGABYTES * 1024 * 1024);
  const generateMs = performance.now() - generatedAt;
  {
    const server = await startServer(dir);
    const rssAfterIndex = rssMb(server.child.pid);
    const sample = join(dir, 'area-00', 'strategy-0000.strategy');
    const sampleText = readFileSync(sample, 'utf8');
    const sampleUri = await openDocument(server, sample, sampleText);
    const requests = await measureRequests(server, sampleUri, sampleText);

    const bigText = generatedStrategy(9999, 1024 * 1024, 'national-0');
    const bigPath = join(dir, 'big-1mb.strategy');
    writeFileSync(bigPath, bigText);
    const bigUri = await openDocument(server, bigPath, bigText);
    const bigRequests = await measureRequests(server, bigUri, bigText);
    const edits = await measureEdits(server, bigUri, bigText, Math.min(EDITS, 30));
    const symbolTimes = await timeRequests(server, rpc.WorkspaceSymbolRequest.type, ['P1.1', 'treatment', 'national', 'x'].flatMap((q) => Array(5).fill({ query: q })));
    results.scenarios.generated = {
      files: server.files,
      megabytes: written.bytes / (1024 * 1024),
      generateMs,
      indexWallMs: server.indexWallMs,
      indexServerMs: server.indexServerMs,
      rssMbAfterIndex: rssAfterIndex,
      rssMbAfterRequests: rssMb(server.child.pid),
      document: 'area-00/strategy-0000.strategy (' + (sampleText.length / 1024).toFixed(0) + ' KB)',
      ...requests,
      bigDocument: { bytes: bigText.length, ...bigRequests, diagnosticsAfterEdit: edits },
      workspaceSymbol: symbolTimes,
    };
    await server.stop();
  }

  // 3. The 1 MB document again with no debounce, to separate the pause from the work.
  results.scenarios.noDelay = await measureTyping(readFileSync(join(dir, 'national-0.strategy'), 'utf8'), SERVER);
  // 4. Diagnostics of the whole generated workspace (closed files too): pushed, then pulled.
  results.scenarios.workspaceDiagnostics = await measureWorkspaceDiagnostics(dir);
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
  else results.keptWorkspace = dir;

  report(results);
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'lsp.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWrote bench/results/lsp.json');
}

/**
 * Time until every file of the workspace shows its diagnostics, and what
 * that costs typing: edits of an open 50 KB document while the closed files
 * are checked, against the same edits once they are done (a ratio, same run).
 */
async function measureWorkspaceDiagnostics(dir) {
  const sample = join(dir, 'area-00', 'strategy-0000.strategy');
  const sampleText = readFileSync(sample, 'utf8');
  // Pushed (a client without pull diagnostics).
  const push = await startServer(dir, { diagnosticsDelay: 0 });
  const total = push.files;
  const sampleUri = await openDocument(push, sample, sampleText);
  const during = await measureEdits(push, sampleUri, sampleText, 20);
  const allShown = await new Promise((resolve) => {
    const poll = () => (push.publishedUris.size >= total ? resolve(Math.max(...push.publishedUris.values())) : setTimeout(poll, 20));
    poll();
  });
  const pushedAllMs = allShown - push.readyAt;
  const after = await measureEdits(push, sampleUri, sampleText, 20);
  await push.stop();
  // Pulled (VS Code): one `workspace/diagnostic` from nothing, then one with every result id (nothing changed, answered at once by a cancel).
  const pull = await startServer(dir, undefined, { textDocument: { diagnostic: {} } });
  const t = performance.now();
  const report = await pull.connection.sendRequest(rpc.WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
  const pullMs = performance.now() - t;
  const cached = new rpc.CancellationTokenSource();
  const again = pull.connection.sendRequest(rpc.WorkspaceDiagnosticRequest.type, { previousResultIds: report.items.map((i) => ({ uri: i.uri, value: i.resultId })) }, cached.token);
  setTimeout(() => cached.cancel(), 100);
  const unchanged = await again.then((r) => r.items.length, () => 0);
  await pull.stop();
  // The baseline: `strategy lint` on the same folder, in the same run.
  const out = join(tmpdir(), `strategy-bench-lint-${process.pid}.json`);
  const t3 = performance.now();
  spawnSync(process.execPath, [join(REPO, 'bin', 'strategy.js'), 'lint', '--format', 'json', '-o', out, '.'], { cwd: dir, stdio: 'ignore' });
  const cliMs = performance.now() - t3;
  rmSync(out, { force: true });
  return {
    files: total,
    cliMs,
    pushedAllMs,
    editDuringP50: during.p50,
    editDuringP95: during.p95,
    editAfterP50: after.p50,
    editAfterP95: after.p95,
    pullMs,
    pulledFiles: report.items.length,
    pulledDiagnostics: report.items.reduce((n, i) => n + i.items.length, 0),
    repullChanged: unchanged,
  };
}

function report(r) {
  const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
  const verdict = (value, goal) => (value <= goal ? 'met' : `missed by ${(value - goal).toFixed(0)} (${(value / goal).toFixed(1)}×)`);
  const s = r.scenarios.seeds;
  const g = r.scenarios.generated;
  const rows = [
    ['Seeds', `${s.files} files (${s.source})`, '', ''],
    ['  index (server / wall)', `${ms(s.indexServerMs)} / ${ms(s.indexWallMs)}`, '', ''],
    ['  RSS after indexing', `${s.rssMb.toFixed(0)} MB`, '', ''],
    [`  completion p50 / p95 (n=${s.completion.n}) on ${s.document}`, `${ms(s.completion.p50)} / ${ms(s.completion.p95)}`, `p95 < ${GOALS.completionP95} ms`, verdict(s.completion.p95, GOALS.completionP95)],
    [`  hover p50 / p95 (n=${s.hover.n})`, `${ms(s.hover.p50)} / ${ms(s.hover.p95)}`, `p95 < ${GOALS.hoverP95} ms`, verdict(s.hover.p95, GOALS.hoverP95)],
    [`  definition p50 / p95 (n=${s.definition.n})`, `${ms(s.definition.p50)} / ${ms(s.definition.p95)}`, '', ''],
    ['Generated workspace', `${g.files} files, ${g.megabytes.toFixed(1)} MB`, '', ''],
    ['  index (server / wall)', `${ms(g.indexServerMs)} / ${ms(g.indexWallMs)}`, `< ${GOALS.index} ms`, verdict(g.indexWallMs, GOALS.index)],
    ['  RSS after indexing', `${g.rssMbAfterIndex.toFixed(0)} MB`, `< ${GOALS.rssMb} MB`, verdict(g.rssMbAfterIndex, GOALS.rssMb)],
    ['  RSS after every request below (incl. 31 parses of the 1 MB document)', `${g.rssMbAfterRequests.toFixed(0)} MB`, '', ''],
    [`  completion p50 / p95 (n=${g.completion.n}) on ${g.document}`, `${ms(g.completion.p50)} / ${ms(g.completion.p95)}`, `p95 < ${GOALS.completionP95} ms`, verdict(g.completion.p95, GOALS.completionP95)],
    [`  hover p50 / p95 (n=${g.hover.n})`, `${ms(g.hover.p50)} / ${ms(g.hover.p95)}`, `p95 < ${GOALS.hoverP95} ms`, verdict(g.hover.p95, GOALS.hoverP95)],
    [`  definition p50 / p95 (n=${g.definition.n})`, `${ms(g.definition.p50)} / ${ms(g.definition.p95)}`, '', ''],
    [`  workspace symbols p50 / p95 (n=${g.workspaceSymbol.n})`, `${ms(g.workspaceSymbol.p50)} / ${ms(g.workspaceSymbol.p95)}`, '', ''],
    [`1 MB document (${(g.bigDocument.bytes / 1024).toFixed(0)} KB)`, '', '', ''],
    [`  completion p50 / p95 (n=${g.bigDocument.completion.n})`, `${ms(g.bigDocument.completion.p50)} / ${ms(g.bigDocument.completion.p95)}`, `p95 < ${GOALS.completionP95} ms`, verdict(g.bigDocument.completion.p95, GOALS.completionP95)],
    [`  hover p50 / p95 (n=${g.bigDocument.hover.n})`, `${ms(g.bigDocument.hover.p50)} / ${ms(g.bigDocument.hover.p95)}`, `p95 < ${GOALS.hoverP95} ms`, verdict(g.bigDocument.hover.p95, GOALS.hoverP95)],
    [`  definition p50 / p95 (n=${g.bigDocument.definition.n})`, `${ms(g.bigDocument.definition.p50)} / ${ms(g.bigDocument.definition.p95)}`, '', ''],
    [`  didChange → diagnostics p50 / p95 (n=${g.bigDocument.diagnosticsAfterEdit.n}), adaptive pause`, `${ms(g.bigDocument.diagnosticsAfterEdit.p50)} / ${ms(g.bigDocument.diagnosticsAfterEdit.p95)}`, `< ${GOALS.diagnosticsAfterEdit} ms`, verdict(g.bigDocument.diagnosticsAfterEdit.p50, GOALS.diagnosticsAfterEdit)],
    [`  didChange → diagnostics p50 / p95, no pause`, `${ms(r.scenarios.noDelay.diagnosticsAfterEdit.p50)} / ${ms(r.scenarios.noDelay.diagnosticsAfterEdit.p95)}`, `< ${GOALS.diagnosticsAfterEdit} ms`, verdict(r.scenarios.noDelay.diagnosticsAfterEdit.p50, GOALS.diagnosticsAfterEdit)],
    ['    of which parse / lint (server, p50)', `${ms(r.scenarios.noDelay.diagnosticsAfterEdit.parseP50)} / ${ms(r.scenarios.noDelay.diagnosticsAfterEdit.lintP50)}`, '', ''],
    [`  server RSS before / after ${r.scenarios.noDelay.edits} edits of the 1 MB document`, `${r.scenarios.noDelay.rssBeforeEdits.toFixed(0)} / ${r.scenarios.noDelay.rssAfterEdits.toFixed(0)} MB`, 'flat', ''],
    [`  completion p50 / p95 while a reparse is pending (n=${r.scenarios.noDelay.completionDuringReparse.n})`, `${ms(r.scenarios.noDelay.completionDuringReparse.p50)} / ${ms(r.scenarios.noDelay.completionDuringReparse.p95)}`, `p95 < ${GOALS.completionP95} ms`, verdict(r.scenarios.noDelay.completionDuringReparse.p95, GOALS.completionP95)],
    [`60 KB document: didChange → diagnostics p50 / p95, no pause (n=${r.scenarios.noDelay.smallDocument.diagnosticsAfterEdit.n})`, `${ms(r.scenarios.noDelay.smallDocument.diagnosticsAfterEdit.p50)} / ${ms(r.scenarios.noDelay.smallDocument.diagnosticsAfterEdit.p95)}`, '< 15 ms', verdict(r.scenarios.noDelay.smallDocument.diagnosticsAfterEdit.p95, 15)],
  ];
  const w = r.scenarios.workspaceDiagnostics;
  rows.push(
    [`Workspace diagnostics (${w.files} files, closed files too)`, '', '', ''],
    ['  pushed: ready → every file shown', ms(w.pushedAllMs), '< 5000 ms', verdict(w.pushedAllMs, 5000)],
    ['  pulled: one workspace/diagnostic', `${ms(w.pullMs)} (${w.pulledFiles} files, ${w.pulledDiagnostics} diagnostics)`, '< 5000 ms', verdict(w.pullMs, 5000)],
    ['  baseline: `strategy lint --format json .` on the folder', ms(w.cliMs), 'ratio push / pull', `${(w.pushedAllMs / w.cliMs).toFixed(2)}× / ${(w.pullMs / w.cliMs).toFixed(2)}×`],
    [`  typing while they are checked: didChange → diagnostics p50 / p95 (50 KB file)`, `${ms(w.editDuringP50)} / ${ms(w.editDuringP95)}`, '', ''],
    ['  the same edits afterwards (baseline) p50 / p95', `${ms(w.editAfterP50)} / ${ms(w.editAfterP95)}`, 'ratio p95', `${(w.editDuringP95 / w.editAfterP95).toFixed(2)}×`],
  );
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  │  '));
}

await main();
