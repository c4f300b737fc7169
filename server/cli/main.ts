/**
 * The `strategy` command line. Parses arguments, runs one command, and maps
 * every outcome to the documented exit codes: 0 clean, 1 findings, 2 usage,
 * unreadable input or bad configuration. It never prints a stack trace for
 * something a user typed.
 */
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { exportCommand } from './commands/export.js';
import { formatCommand } from './commands/format.js';
import { lintCommand } from './commands/lint.js';
import { rulesCommand } from './commands/rules.js';
import { EXIT, isUsageError, type CliIo } from './io.js';
import { extraCommands } from './extra-commands.js';

export const VERSION: string = pkg.version;

const HELP = `strategy ${VERSION} — write, check and convert public-sector strategy documents

Usage:
  strategy lint [paths…]          check .strategy files, folders or globs (default: .)
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
  -c, --config PATH        use this config instead of ./strategy.config.json
  --rule ID=SEVERITY       override a rule's severity (error, warning, info, off); repeatable
  --fix                    apply safe fixes to the files
  --fix-dry-run            show the fixes as a diff without writing
  --stdin                  lint text from standard input…
  --stdin-filename NAME    …as if it were file NAME
  --suppress-all           record every current finding in the suppressions file
  --suppress-rule ID       record the current findings of one rule; repeatable
  --prune-suppressions     drop recorded findings that no longer occur
  --suppressions-location FILE   suppressions file (default strategy-suppressions.json)

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
  -c, --config PATH, --rule ID=SEVERITY   as for lint

Exit codes: 0 no errors; 1 errors found (or more warnings than --max-warnings),
or unformatted files for format --check; 2 bad usage, unreadable file or bad config.
`;

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
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
    options: {
      help: { type: 'boolean', short: 'h' },
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
  const { values: v, positionals } = parsed;
  const [command, ...paths] = positionals;
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
