/**
 * `strategy convert <inputs…>`: turns .txt, .md, .html, .docx and .pdf
 * documents into `.strategy` files (beside each input, or in --out-dir),
 * prints the conversion report (or `--report json`), refuses to overwrite a
 * different existing file without --force, and with --check only compares
 * (exit 1 when an output is stale: CI runs it on seeds/). An input that
 * cannot be read is reported by name, exit code 2, and the others are still
 * converted.
 *
 * Strategies are converted after the frameworks of the same run, so that a
 * local strategy citing a national plan converted alongside it names that
 * framework; frameworks already in the output folders, or listed in the
 * config, are known too.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse, type FrameworkDecl, type PeriodStmt } from '../../../grammar/index.js';
import {
  ConversionError,
  ConverterConfigSchema,
  convertFileDetailed,
  SUPPORTED_EXTENSIONS,
  type ConversionReport,
  type ConverterConfig,
  type DetailedConversion,
  type KnownFramework,
} from '../../../client/converter/index.js';
import { ConfigResolver } from '../../config/load-config.js';
import type { ExtraCommandArgs } from '../extra-commands.js';
import { readBoundedTextFile } from '../../analysis/text-file.js';
import { makeFolders } from '../make-folders.js';
import { writeFileAtomic } from '../atomic-write.js';
import { displayPath } from '../files.js';
import { describeInternalError } from '../project.js';
import { EXIT, UsageError, type CliIo } from '../io.js';

interface Planned {
  readonly input: string;
  readonly output: string;
  readonly conversion: DetailedConversion;
}

function stringValue(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The id, title and period of a framework file, if `text` is one. */
export function frameworkOf(text: string): KnownFramework | undefined {
  const { document } = parse(text);
  const header = document.items.find((s): s is FrameworkDecl => s.kind === 'framework');
  if (!header?.id || !header.title) return undefined;
  const period = header.items.find((s): s is PeriodStmt => s.kind === 'period');
  return {
    id: header.id.value,
    title: header.title.value,
    ...(period?.start && period.end ? { period: { first: period.start.first, last: period.end.last } } : {}),
  };
}

function strategyFilesIn(path: string): string[] {
  try {
    if (statSync(path).isDirectory()) return readdirSync(path).filter((f) => f.endsWith('.strategy')).map((f) => join(path, f));
    return [path];
  } catch {
    return [];
  }
}

/** Frameworks already written: in the config's framework paths and in the folders the outputs go to. */
function frameworksOnDisk(paths: readonly string[]): KnownFramework[] {
  const found = new Map<string, KnownFramework>();
  for (const file of [...new Set(paths.flatMap(strategyFilesIn))]) {
    try {
      const read = readBoundedTextFile(file);
      const f = read.ok ? frameworkOf(read.text) : undefined;
      if (f && !found.has(f.id)) found.set(f.id, f);
    } catch {
      // An unreadable framework file is the linter's to report, not the converter's.
    }
  }
  return [...found.values()];
}

/** The documents a folder holds, sorted; undefined when the path is not a folder. */
function documentsInFolder(path: string): string[] | undefined {
  try {
    if (!statSync(path).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  return readdirSync(path)
    .filter((f) => (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(path, f));
}

function outputPathFor(input: string, outDir: string | undefined): string {
  const name = `${basename(input, extname(input))}.strategy`;
  return outDir ? join(outDir, name) : join(dirname(input), name);
}

function describe(report: ConversionReport, shownOutput: string): string {
  const counts = Object.entries(report.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `${report.input} → ${shownOutput} (${report.documentKind})`,
    `  ${counts || 'no structure found'}`,
    `  words kept: ${(report.coverage.ratio * 100).toFixed(1)}% in order (${report.coverage.coveredWords} of ${report.coverage.sourceWords}), ${(report.coverage.anyOrder * 100).toFixed(1)}% in any order`,
    ...report.coverage.missing.slice(0, 5).map((m) => `  not kept in order: "${m}"`),
    ...(report.warnings ?? []).map((w) => `  warning: ${w}`),
    ...report.unplaced.map((u) => `  unplaced${u.line !== undefined ? ` (line ${u.line})` : ''}: ${u.text}`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function convertCommand(args: ExtraCommandArgs, io: CliIo): Promise<number> {
  const v = args.values;
  const reportFormat = stringValue(v.report);
  if (reportFormat !== undefined && reportFormat !== 'json') throw new UsageError(`--report must be json; got "${reportFormat}"`);
  if (args.paths.length === 0) throw new UsageError('strategy convert needs one or more documents (.txt, .md, .html, .docx, .pdf)');
  const outDirArg = stringValue(v['out-dir']) ?? stringValue(v['output-file']);
  const outDir = outDirArg !== undefined ? resolve(io.cwd, outDirArg) : undefined;
  const check = v.check === true;
  const force = v.force === true;

  let status: number = EXIT.ok;
  // A folder stands for the documents in it (not in its subfolders).
  const inputs: string[] = [];
  for (const p of args.paths) {
    const path = resolve(io.cwd, p);
    const documents = documentsInFolder(path);
    if (documents === undefined) inputs.push(path);
    else if (documents.length > 0) for (const d of documents) inputs.push(d);
    else {
      io.stderr(`${displayPath(path, io.cwd)}: is a folder with no documents to convert (${SUPPORTED_EXTENSIONS.join(', ')})\n`);
      status = EXIT.usage;
    }
  }
  // Each input's config is the one `strategy lint` would use for a file in its folder: looked up from there, not from where the command runs.
  const explicit = stringValue(v.config);
  const resolver = new ConfigResolver({
    ...(explicit !== undefined ? { explicit: resolve(io.cwd, explicit) } : {}),
    parts: { converter: ConverterConfigSchema },
    show: (f) => (explicit !== undefined && f === resolve(io.cwd, explicit) ? explicit : displayPath(f, io.cwd)),
  });
  const configs = new Map(inputs.map((input) => [input, resolver.forFile(input)]));
  const configProblems = resolver.problems();
  if (configProblems.length > 0) {
    for (const p of configProblems) io.stderr(`${p.describe()}\n`);
    return EXIT.usage;
  }
  // Checked by ConverterConfigSchema as each config was read.
  const converterConfigOf = (input: string): ConverterConfig => (configs.get(input)?.raw.converter ?? {}) as ConverterConfig;
  const configFrameworks = [...new Set([...configs.values()].flatMap((c) => c.frameworkPaths))];
  const outputDirs = outDir ? [outDir] : inputs.map(dirname);
  const onDisk = frameworksOnDisk([...configFrameworks, ...outputDirs]);

  const convertAll = async (known: readonly KnownFramework[], only?: ReadonlySet<string>): Promise<Map<string, DetailedConversion>> => {
    const results = new Map<string, DetailedConversion>();
    for (const input of inputs) {
      if (only && !only.has(input)) continue;
      try {
        const converterConfig = converterConfigOf(input);
        results.set(input, await convertFileDetailed(input, { config: { ...converterConfig, frameworks: [...(converterConfig.frameworks ?? []), ...known] } }));
      } catch (e) {
        // One input's failure, expected or not, is that input's error: the others are still converted.
        if (!only) {
          const why = e instanceof ConversionError ? e.message.slice(e.file.length + 2) : describeInternalError(e);
          io.stderr(`${displayPath(input, io.cwd)}: ${why}\n`);
          status = EXIT.usage;
        }
      }
    }
    return results;
  };

  // First pass: every input, knowing the frameworks on disk. Then the strategies again, knowing this run's frameworks too.
  const results = await convertAll(onDisk);
  const fromRun: KnownFramework[] = [];
  for (const r of results.values()) {
    if (r.report.documentKind === 'framework') {
      const f = frameworkOf(r.text);
      if (f) fromRun.push(f);
    }
  }
  const strategies = new Set([...results.entries()].filter(([, r]) => r.report.documentKind === 'strategy').map(([input]) => input));
  if (fromRun.length > 0 && strategies.size > 0) {
    const known = [...fromRun, ...onDisk.filter((f) => !fromRun.some((g) => g.id === f.id))];
    for (const [input, r] of await convertAll(known, strategies)) results.set(input, r);
  }

  const planned: Planned[] = [];
  const claimed = new Map<string, string>();
  for (const input of inputs) {
    const conversion = results.get(input);
    if (!conversion) continue;
    const output = outputPathFor(input, outDir);
    const first = claimed.get(output);
    if (first !== undefined) {
      // "plan.md" and "plan.docx" in one folder would write one plan.strategy: convert the second elsewhere.
      io.stderr(`${displayPath(input, io.cwd)}: would write ${displayPath(output, io.cwd)}, which ${displayPath(first, io.cwd)} writes too; convert it separately with --out-dir\n`);
      status = EXIT.usage;
      continue;
    }
    claimed.set(output, input);
    planned.push({ input, output, conversion });
  }

  const reports: ConversionReport[] = [];
  const stale: string[] = [];
  if (outDir && !check) {
    try {
      makeFolders(outDir);
    } catch (e) {
      io.stderr(`${displayPath(outDir, io.cwd)}: cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
      return EXIT.usage;
    }
  }
  for (const p of planned) {
    const files = [
      { path: p.output, text: p.conversion.text },
      ...p.conversion.companions.map((c) => ({ path: join(dirname(p.output), `${c.id}.strategy`), text: c.text })),
    ];
    const report: ConversionReport = { ...p.conversion.report, input: displayPath(p.input, io.cwd), output: displayPath(p.output, io.cwd) };
    reports.push(report);
    let refused = false;
    for (const f of files) {
      const shown = displayPath(f.path, io.cwd);
      const existing = existsSync(f.path) ? readBoundedTextFile(f.path) : undefined;
      // An existing output that cannot be read as text differs from any conversion.
      const current = existing === undefined ? undefined : existing.ok ? `${existing.bom ? '\ufeff' : ''}${existing.text}` : '\u0000';
      if (check) {
        if (current !== f.text) stale.push(shown);
        continue;
      }
      if (current === f.text) continue;
      if (current !== undefined && !force) {
        io.stderr(`${shown}: already exists and differs from the conversion; use --force to overwrite it\n`);
        status = EXIT.usage;
        if (f.path === p.output) refused = true;
        continue;
      }
      try {
        writeFileAtomic(f.path, f.text);
      } catch (e) {
        io.stderr(`${shown}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)}); it is unchanged\n`);
        status = EXIT.usage;
      }
    }
    // A refused output was not written: no `a → b` line as if it had been.
    if (reportFormat !== 'json' && !check && !refused) {
      io.stdout(describe(report, report.output!));
      for (const c of p.conversion.companions) io.stdout(`  framework ${c.id} ("${c.title}") built from its description → ${displayPath(join(dirname(p.output), `${c.id}.strategy`), io.cwd)}\n`);
    }
  }
  if (reportFormat === 'json') io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  if (check) {
    for (const s of stale) io.stderr(`${s}: stale or missing; run \`strategy convert --force\` on its source to regenerate it\n`);
    if (stale.length === 0 && reportFormat !== 'json') io.stdout(`${planned.length} conversion${planned.length === 1 ? ' is' : 's are'} up to date.\n`);
    if (status !== EXIT.ok) return status;
    return stale.length > 0 ? EXIT.findings : EXIT.ok;
  }
  return status;
}
