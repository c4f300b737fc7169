/** `strategy export --format json <file>`: the document's model, as the published JSON Schema describes it. */
import { documentKindOf, EXPORT_FORMAT_VERSION, type ExportedModel } from '../../../grammar/index.js';
import { analyseDocument, type AnalysedDocument } from '../../analysis/document-model.js';
import { displayPath, expandPaths } from '../files.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { writeJson } from '../json-stream.js';
import { describeInternalError, readTextFile } from '../project.js';

export interface ExportArgs {
  readonly paths: readonly string[];
  readonly format: string;
}

export const MODEL_SCHEMA_ID = 'https://strategy-language.invalid/schemas/strategy-model.schema.json';

export function exportModel(file: string, text: string): { model: ExportedModel; problems: AnalysedDocument['parsed']['problems'] } {
  const doc = analyseDocument(file, text);
  const model: ExportedModel = {
    $schema: MODEL_SCHEMA_ID,
    formatVersion: EXPORT_FORMAT_VERSION,
    file,
    documentKind: documentKindOf(doc.parsed.document) ?? null,
    document: doc.parsed.document,
  };
  return { model, problems: doc.parsed.problems };
}

export async function exportCommand(args: ExportArgs, io: CliIo): Promise<number> {
  if (args.format !== 'json') throw new UsageError(`export --format must be json; got "${args.format}"`);
  if (args.paths.length !== 1) throw new UsageError('strategy export takes exactly one file');
  const expansion = expandPaths(args.paths, io.cwd);
  for (const p of expansion.problems) {
    io.stderr(`${p.path}: ${p.message}\n`);
    return EXIT.usage;
  }
  if (expansion.files.length !== 1) throw new UsageError('strategy export takes exactly one file');
  const file = expansion.files[0]!;
  const shown = displayPath(file, io.cwd);
  const read = readTextFile(file);
  if ('error' in read) {
    io.stderr(`${shown}: ${read.error}\n`);
    return EXIT.usage;
  }
  let exported;
  try {
    exported = exportModel(shown, read.text);
  } catch (e) {
    io.stderr(`${shown}: ${describeInternalError(e)}\n`);
    return EXIT.usage;
  }
  const { model, problems } = exported;
  // In pieces: the model of a large document is larger than any one string may be.
  writeJson(model, (chunk) => io.stdout(chunk));
  io.stdout('\n');
  for (const p of problems) io.stderr(`${shown}:${p.range.start.line + 1}:${p.range.start.character + 1}: error ${p.message}\n`);
  return problems.length > 0 ? EXIT.findings : EXIT.ok;
}
