/**
 * The converter: existing strategy documents (.txt, .md, .html, .docx, .pdf)
 * into `.strategy` text. A pure module: no `vscode`, no process state; it
 * reads the file it is given and nothing else. Used by `strategy convert`
 * and by the editor's command.
 *
 * Readers turn each format into the same layout blocks; recognisers find the
 * structure in them (tables with header rows, numbered and labelled
 * headings, lists under known labels, glossaries, partner lists); the
 * document model is written, canonicalised with the formatter and checked
 * with the parser. Whatever is not structure is kept as prose.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { validateConverterConfig, type ConverterConfig } from './config.js';
import { convertBlocks, type CompanionFramework, type ConversionReport, type DetailedConversion } from './convert.js';
import type { Block } from './layout/blocks.js';
import { readDocx } from './readers/docx-reader.js';
import { readHtml } from './readers/html-reader.js';
import { readMarkdown } from './readers/markdown-reader.js';
import { readPdf } from './readers/pdf-reader.js';

export type { ConversionReport, CompanionFramework, DetailedConversion };
export { ConverterConfigSchema, validateConverterConfig, ConverterConfigError, type ConverterConfig, type KnownFramework } from './config.js';

export interface ConvertOptions {
  config?: ConverterConfig;
}

/** An input that cannot be converted at all: unreadable, or of a kind the converter does not read. */
export class ConversionError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'] as const;

function looksLikeHtml(text: string, inputName: string): boolean {
  return /\.html?$/i.test(inputName) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text);
}

function textBlocks(text: string, inputName: string): Block[] {
  const clean = text.replace(/^\ufeff/, '');
  return looksLikeHtml(clean, inputName) ? readHtml(clean) : readMarkdown(clean, { alignedColumns: /\.txt$/i.test(inputName) });
}

/** Converts text (plain text, markdown or HTML), returning the framework files it describes too. */
export function convertTextDetailed(text: string, inputName: string, options: ConvertOptions = {}): DetailedConversion {
  const config = validateConverterConfig(options.config ?? {});
  return convertBlocks(textBlocks(text, inputName), inputName, config);
}

export function convertText(text: string, inputName: string, options: ConvertOptions = {}): { text: string; report: ConversionReport } {
  const { text: out, report } = convertTextDetailed(text, inputName, options);
  return { text: out, report };
}

/**
 * The largest inputs read. Conversion holds several views of a document at
 * once (blocks, model, text, report) — about 70 times the size of a text
 * input — so a text past this would exhaust memory rather than convert; the
 * longest real strategies are well under a megabyte of text. Word and PDF
 * files are mostly images and packaging, so they may be larger.
 */
export const CONVERTER_INPUT_LIMITS = {
  textBytes: 16 * 1024 * 1024,
  packagedBytes: 256 * 1024 * 1024,
} as const;

const megabytes = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MB`;

async function blocksOfFile(path: string, config: ConverterConfig): Promise<Block[]> {
  const ext = extname(path).toLowerCase();
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) throw new ConversionError(path, 'is a folder');
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new ConversionError(path, `cannot convert ${ext ? `"${ext}" files` : 'a file without an extension'}; the converter reads ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  // A device, a FIFO or a socket named like a document would be read for ever or block.
  if (info && !info.isFile()) throw new ConversionError(path, 'is not a regular file');
  const limit = ext === '.docx' || ext === '.pdf' ? CONVERTER_INPUT_LIMITS.packagedBytes : CONVERTER_INPUT_LIMITS.textBytes;
  if (info && info.size > limit) throw new ConversionError(path, `is ${megabytes(info.size)}; the converter reads ${ext.slice(1).toUpperCase()} files of at most ${megabytes(limit)}`);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConversionError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? String(e)})`);
  }
  try {
    if (ext === '.docx') return await readDocx(data, config.styles ?? {});
    if (ext === '.pdf') return await readPdf(new Uint8Array(data));
    return textBlocks(data.toString('utf8'), path);
  } catch (e) {
    // A damaged or mislabelled file: say so, naming it, rather than fail with a library's stack.
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ConversionError(path, `cannot read this ${ext.slice(1).toUpperCase()} file (${reason})`);
  }
}

export async function convertFileDetailed(path: string, options: ConvertOptions = {}): Promise<DetailedConversion> {
  const config = validateConverterConfig(options.config ?? {});
  return convertBlocks(await blocksOfFile(path, config), path, config);
}

export async function convertFile(path: string, options: ConvertOptions = {}): Promise<{ text: string; report: ConversionReport }> {
  const { text, report } = await convertFileDetailed(path, options);
  return { text, report };
}
