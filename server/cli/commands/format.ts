/** `strategy format`: rewrite files in the canonical layout, or `--check` that they are. */
import { format } from '../../../grammar/index.js';
import { displayPath, expandPaths } from '../files.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { describeInternalError, readTextFile } from '../project.js';
import { writeFileAtomic } from '../atomic-write.js';
import { encodeText } from '../../analysis/text-file.js';

export interface FormatArgs {
  readonly paths: readonly string[];
  readonly check: boolean;
  readonly stdin: boolean;
}

export async function formatCommand(args: FormatArgs, io: CliIo): Promise<number> {
  if (args.stdin) {
    if (args.paths.length > 0) throw new UsageError('strategy format --stdin reads text from standard input and takes no paths');
    const text = (await io.readStdin()).replace(/^\ufeff/, '');
    const r = format(text);
    if (!r.ok) {
      for (const p of r.problems) io.stderr(`<stdin>:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}\n`);
      return EXIT.findings;
    }
    if (args.check) return r.text === text ? EXIT.ok : EXIT.findings;
    io.stdout(r.text);
    return EXIT.ok;
  }
  if (args.paths.length === 0) throw new UsageError('strategy format needs files or folders (or --stdin)');
  const expansion = expandPaths(args.paths, io.cwd);
  let status: number = EXIT.ok;
  for (const p of expansion.problems) {
    io.stderr(`${p.path}: ${p.message}\n`);
    status = EXIT.usage;
  }
  const unformatted: string[] = [];
  let rewritten = 0;
  let failed = 0;
  for (const file of expansion.files) {
    const shown = displayPath(file, io.cwd);
    const read = readTextFile(file);
    if ('error' in read) {
      io.stderr(`${shown}: ${read.error}\n`);
      status = EXIT.usage;
      continue;
    }
    let r;
    try {
      r = format(read.text);
    } catch (e) {
      // One file's fault is that file's error: the others are still formatted.
      io.stderr(`${shown}: ${describeInternalError(e)}\n`);
      status = EXIT.usage;
      continue;
    }
    if (!r.ok) {
      failed++;
      const first = r.problems[0]!;
      const more = r.problems.reduce((n, p) => n + (p.omitted ?? 1), 0) - 1;
      io.stderr(`${shown}:${first.range.start.line + 1}:${first.range.start.character + 1}: cannot format: ${first.message}${more > 0 ? ` (and ${more} more syntax error${more === 1 ? '' : 's'})` : ''}\n`);
      continue;
    }
    // The canonical layout, in the file's own line endings and with its byte-order mark.
    const formatted = encodeText(r.text, read.shape);
    if (formatted === (read.shape.bom ? '\ufeff' : '') + read.text) continue;
    if (args.check) {
      unformatted.push(shown);
      continue;
    }
    try {
      writeFileAtomic(file, formatted);
    } catch (e) {
      io.stderr(`${shown}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)}); the file is unchanged\n`);
      status = EXIT.usage;
      continue;
    }
    rewritten++;
    io.stdout(`formatted ${shown}\n`);
  }
  if (args.check) {
    for (const f of unformatted) io.stdout(`${f}\n`);
    if (unformatted.length > 0) io.stderr(`${unformatted.length} file${unformatted.length === 1 ? ' is' : 's are'} not formatted: run \`strategy format\` on ${unformatted.length === 1 ? 'it' : 'them'}.\n`);
  } else if (rewritten === 0 && failed === 0 && status === EXIT.ok) {
    io.stderr(`${expansion.files.length} file${expansion.files.length === 1 ? ' was' : 's were'} already formatted.\n`);
  }
  if (status !== EXIT.ok) return status;
  return unformatted.length > 0 || failed > 0 ? EXIT.findings : EXIT.ok;
}
