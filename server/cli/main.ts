/**
 * The `strategy` command line. Parses arguments, runs one command, and maps
 * every outcome to the documented exit codes: 0 clean, 1 findings, 2 usage,
 * unreadable input or bad configuration, 3 a fault of the tool itself. It
 * never prints a stack trace for something a user typed, and an option that
 * belongs to another command is refused, not ignored.
 */
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { exportCommand } from './commands/export.js';
import { formatCommand } from './commands/format.js';
import { lintCommand } from './commands/lint.js';
import { rulesCommand } from './commands/rules.js';
import { utf8Bytes } from '../analysis/text-file.js';
import { EXIT, isUsageError, type CliIo } from './io.js';
import { extraCommands } from './extra-commands.js';

export const VERSION: string = pkg.version;

const HELP = `strategy ${VERSION} — write, check and convert public-sector strategy documents

Usage:
  strategy lint [paths…]          check .strategy files, folders or globs (default: .);
                                  a path starting with ! leaves files out ('!archive/**')
  strategy format [--check] <paths…>   rewrite files in the canonical layout
  strategy export --format json <file>  print a document's model as JSON
  strategy convert <inputs…> [--out-dir DIR]   turn .txt, .md, .docx, .html or .pdf documents into .strategy files
  strategy rules [--json]         list the rules
  strategy report [paths…] [-o FILE]   a reviewer's report: HTML (default), markdown or JSON
  strategy help | --help          this text
  strategy --version

lint options:
  -f, --format NAME        stylish (default), json, sarif, github, junit
  -o, --output-file FILE   write the report to FILE instead of standard output
  --max-warnings N         exit 1 when there are more than N warnings
  --quiet                  report errors only
  -c, --config PATH        use this config for every file instead of looking one up
  --print-config FILE      print the settings that apply to FILE, and where each came from
  --debug                  say which config and ignore files were read
  --ignore-pattern PAT     leave out files matching PAT (.gitignore syntax); repeatable
  --no-ignore              read no .gitignore/.strategyignore and no config \`ignore\`
  --color, --no-color      force colour on or off (default: on a terminal, unless NO_COLOR)
  --rule ID=SEVERITY       override a rule's severity (error, warning, info, off); repeatable
  --fix                    apply safe fixes to the files
  --fix-dry-run            show the fixes as a diff without writing
  --stdin                  lint text from standard input…
  --stdin-filename NAME    …as if it were file NAME
  --suppress-all           record every current finding in the suppressions file
  --suppress-rule ID       record the current findings of one rule; repeatable
  --prune-suppressions     drop recorded findings that no longer occur
  --suppressions-location FILE   suppressions file (default strategy-suppressions.json)
  --concurrency N|auto|off   lint on N worker threads, or auto: as many as the cores
                           when there are enough files (default off: one thread)

convert options:
  --out-dir DIR            write the .strategy files to DIR (default: beside each input; -o DIR too)
  --report json            print the conversion reports as JSON
  --force                  overwrite existing .strategy files that differ
  --check                  write nothing; exit 1 when an existing output is stale or missing
  -c, --config PATH        converter settings from the config's "converter" key

report options:
  -f, --format NAME        html (default), markdown, json (the report's model)
  -o, --output-file FILE   write it to FILE (replaces only a report it wrote, unless --force)
  --link-base URL          link file:line to URL + file + #L<line> (a repository's web view)
  --concurrency N|auto|off   report on N worker threads, or auto, as lint does (default off);
                           the report is the same either way (json is made on one thread)
  -c, --config PATH, --rule ID=SEVERITY, --ignore-pattern, --no-ignore,
  --print-config FILE, --debug, --suppressions-location PATH   as for lint

Exit codes: 0 no errors; 1 errors found (or more warnings than --max-warnings),
or unformatted files for format --check, or stale outputs for convert --check;
2 bad usage, unreadable file, bad config, or an output that cannot be written;
3 a fault of strategy itself (please report it).
`;

/** Options every command takes. */
const GLOBAL_OPTIONS = ['help', 'version', 'color', 'no-color'] as const;

/**
 * The options each command takes (beyond the global ones); every other is a
 * usage error naming the command it belongs to, never silently ignored.
 */
export const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  lint: [
    'format', 'output-file', 'max-warnings', 'quiet', 'config', 'rule', 'fix', 'fix-dry-run', 'stdin', 'stdin-filename',
    'suppress-all', 'suppress-rule', 'prune-suppressions', 'suppressions-location', 'ignore-pattern', 'no-ignore', 'print-config', 'debug',
    'concurrency',
  ],
  format: ['check', 'stdin'],
  export: ['format'],
  convert: ['out-dir', 'output-file', 'report', 'force', 'check', 'config'],
  rules: ['json'],
  report: ['format', 'output-file', 'config', 'rule', 'link-base', 'force', 'ignore-pattern', 'no-ignore', 'print-config', 'debug', 'suppressions-location', 'concurrency'],
  help: [],
};

/** The option as the user wrote it: `-o` or `--output-file`. */
function optionMisplaced(command: string, tokens: readonly OptionToken[]): string | undefined {
  const allowed = new Set<string>([...GLOBAL_OPTIONS, ...(COMMAND_OPTIONS[command] ?? [])]);
  for (const t of tokens) {
    if (allowed.has(t.name)) continue;
    const owners = Object.entries(COMMAND_OPTIONS)
      .filter(([, names]) => names.includes(t.name))
      .map(([c]) => c);
    return `${t.rawName} is not an option of \`strategy ${command}\`${owners.length > 0 ? ` (it belongs to ${owners.map((c) => `\`strategy ${c}\``).join(', ')})` : ''}`;
  }
  return undefined;
}

interface OptionToken {
  readonly name: string;
  readonly rawName: string;
}

/**
 * A reader that closes the pipe (`strategy lint | head`) has all it wants:
 * the run ends there, quietly, as Unix tools do, instead of with an EPIPE
 * stack trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
}

function processIo(): CliIo {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdout: (t) => {
      // Large output as bytes already encoded (utf8Bytes is several times faster than the stream's own encoding).
      process.stdout.write(utf8Bytes(t));
    },
    stderr: (t) => {
      process.stderr.write(t);
    },
    readStdin: () =>
      new Promise((resolvePromise, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (c: Buffer) => chunks.push(c));
        process.stdin.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
      }),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      'ignore-pattern': { type: 'string', multiple: true },
      'no-ignore': { type: 'boolean' },
      'print-config': { type: 'string' },
      debug: { type: 'boolean' },
      version: { type: 'boolean', short: 'v' },
      format: { type: 'string', short: 'f' },
      'output-file': { type: 'string', short: 'o' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      rule: { type: 'string', multiple: true },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      'suppress-all': { type: 'boolean' },
      'suppress-rule': { type: 'string', multiple: true },
      'prune-suppressions': { type: 'boolean' },
      'suppressions-location': { type: 'string' },
      concurrency: { type: 'string' },
      check: { type: 'boolean' },
      json: { type: 'boolean' },
      // convert
      'out-dir': { type: 'string' },
      report: { type: 'string' },
      force: { type: 'boolean' },
      // report
      'link-base': { type: 'string' },
    },
  });
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    io.stderr(`strategy: ${message}\nRun \`strategy --help\` for usage.\n`);
    return EXIT.usage;
  }
  const { values: v, positionals, tokens } = parsed;
  const [command, ...paths] = positionals;
  const optionTokens = tokens.filter((t): t is Extract<typeof t, { kind: 'option' }> => t.kind === 'option');
  if (command !== undefined && COMMAND_OPTIONS[command] !== undefined) {
    const misplaced = optionMisplaced(command, optionTokens);
    if (misplaced) {
      io.stderr(`strategy: ${misplaced}.\nRun \`strategy --help\` for usage.\n`);
      return EXIT.usage;
    }
  }
  if (v.color && v['no-color']) {
    io.stderr('strategy: --color and --no-color contradict each other.\n');
    return EXIT.usage;
  }
  const colour = v['no-color'] ? false : v.color ? true : undefined;
  if (v.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (v.help || command === undefined || command === 'help') {
    io.stdout(HELP);
    return command === undefined && !v.help ? EXIT.usage : EXIT.ok;
  }
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(
          {
            paths,
            format: v.format ?? 'stylish',
            maxWarnings: v['max-warnings'],
            quiet: Boolean(v.quiet),
            config: v.config,
            rule: v.rule ?? [],
            fix: Boolean(v.fix),
            fixDryRun: Boolean(v['fix-dry-run']),
            stdin: Boolean(v.stdin),
            stdinFilename: v['stdin-filename'],
            outputFile: v['output-file'],
            suppressAll: Boolean(v['suppress-all']),
            suppressRule: v['suppress-rule'] ?? [],
            pruneSuppressions: Boolean(v['prune-suppressions']),
            suppressionsLocation: v['suppressions-location'],
            ignorePatterns: v['ignore-pattern'] ?? [],
            noIgnore: Boolean(v['no-ignore']),
            printConfig: v['print-config'],
            debug: Boolean(v.debug),
            colour,
            concurrency: v.concurrency,
            version: VERSION,
          },
          io,
        );
      case 'format':
        return await formatCommand({ paths, check: Boolean(v.check), stdin: Boolean(v.stdin) }, io);
      case 'export':
        return await exportCommand({ paths, format: v.format ?? 'json' }, io);
      case 'rules':
        return rulesCommand(io, Boolean(v.json));
      default: {
        const extra = extraCommands[command];
        if (extra) return await extra({ paths, values: v }, io);
        io.stderr(`strategy: unknown command "${command}". Run \`strategy --help\` for usage.\n`);
        return EXIT.usage;
      }
    }
  } catch (e) {
    if (isUsageError(e)) {
      io.stderr(`strategy ${command}: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

/** Entry point of the bundled binary. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`strategy: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this with the command you ran.\n`);
      process.exitCode = 3;
    },
  );
}
