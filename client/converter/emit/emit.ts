/**
 * The document model as `.strategy` text. Every string goes through the
 * language's own `quote`, names are written bare only when the lexer reads
 * them back as one name, and the result is then canonicalised by the
 * formatter, so the layout here only has to be valid, not pretty.
 */
import { KEYWORDS, quote } from '../../../grammar/index.js';
import type { DocumentModel, Node } from '../model.js';

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS.map((k) => k.word));
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NOT_BARE = /^(?:X{1,4}|tbc|tbd|TBC|TBD|Tbc|NI\d*)$/;

/** A name written bare when it is an acronym the lexer reads back as one name, else quoted. */
function name(value: string): string {
  const bare = BARE_NAME.test(value) && !KEYWORD_SET.has(value) && !NOT_BARE.test(value) && /^[A-Z]/.test(value) && (value.match(/[A-Z]/g) ?? []).length >= 2 && value.length <= 10;
  return bare ? value : quote(value);
}

/** Ids are written as the source numbered them; one the lexer would not read as a single id is quoted out as text. */
function id(value: string | undefined): string {
  if (value === undefined) return '';
  return /^(?:\d+(?:\.\d+)*|[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*)$/.test(value) && !KEYWORD_SET.has(value) && !NOT_BARE.test(value) ? `${value} ` : '';
}

function block(lines: string[], head: string, items: readonly Node[], depth: number): void {
  const pad = '  '.repeat(depth);
  if (items.length === 0) {
    lines.push(`${pad}${head}`);
    return;
  }
  lines.push(`${pad}${head} {`);
  for (const n of items) emitNode(lines, n, depth + 1);
  lines.push(`${pad}}`);
}

function emitNode(lines: string[], node: Node, depth: number): void {
  const pad = '  '.repeat(depth);
  switch (node.kind) {
    case 'priority':
      return block(lines, `priority ${id(node.id)}${quote(node.title)}`, node.items, depth);
    case 'section':
      return block(lines, `section ${quote(node.title)}`, node.items, depth);
    case 'aim':
      return block(lines, `aim ${id(node.id)}${quote(node.title)}`, node.items, depth);
    case 'commitment': {
      // The language wants a commitment's words after its id.
      return block(lines, `commitment ${id(node.id)}${quote(node.text ?? '')}`, node.items, depth);
    }
    case 'action':
      return block(lines, `action ${id(node.id)}${quote(node.text)}`, node.items, depth);
    case 'outcome':
      return block(lines, `outcome ${quote(node.title)}`, node.items, depth);
    case 'measure': {
      const head = node.indicator !== undefined ? `measure NI ${node.indicator}${node.title ? ` ${quote(node.title)}` : ''}` : `measure ${quote(node.title ?? '')}`;
      return block(lines, head, node.items, depth);
    }
    case 'nationalAim':
      lines.push(`${pad}national aim ${quote(node.text)}`);
      return;
    case 'target':
      lines.push(`${pad}target ${node.direction ? `${node.direction} ` : ''}${quote(node.words)}`);
      return;
    case 'owner':
      lines.push(`${pad}owner ${node.names.map(name).join(', ')}`);
      return;
    case 'timing':
      lines.push(`${pad}timing ${node.value.spec ? `${node.value.spec} ` : ''}${quote(node.value.words)}`);
      return;
    case 'coverage':
      lines.push(`${pad}coverage ${quote(node.text)}`);
      return;
    case 'narrative':
      lines.push(`${pad}narrative ${node.title !== undefined ? `${quote(node.title)} ` : ''}{`);
      for (const n of node.items) emitNode(lines, n, depth + 1);
      lines.push(`${pad}}`);
      return;
    case 'paragraph':
      lines.push(`${pad}${quote(node.text)}`);
      return;
    case 'note':
      lines.push(`${pad}note ${quote(node.text)}`);
      return;
    case 'partners':
      lines.push(`${pad}partners ${node.title !== undefined ? `${quote(node.title)} ` : ''}{`);
      for (const e of node.entries) lines.push(`${pad}  ${quote(e.name)}${e.role ? ` role ${quote(e.role)}` : ''}`);
      lines.push(`${pad}}`);
      return;
    case 'glossary':
      lines.push(`${pad}glossary ${node.title !== undefined ? `${quote(node.title)} ` : ''}{`);
      for (const e of node.entries) lines.push(`${pad}  ${name(e.term)} ${quote(e.meaning)}`);
      lines.push(`${pad}}`);
      return;
  }
}

function emitHeader(lines: string[], model: DocumentModel): void {
  const h = model.header;
  const head = model.kind === 'framework' ? `framework ${model.frameworkId ?? 'untitled'} ${quote(h.title)} {` : `strategy ${quote(h.title)} {`;
  lines.push(head);
  if (h.area) lines.push(`  area ${quote(h.area)}`);
  if (h.period) lines.push(`  period ${h.period.start} to ${h.period.end}`);
  if (h.status) lines.push(`  status ${h.status}`);
  if (h.vision) lines.push(`  vision ${quote(h.vision)}`);
  if (h.statusWords) lines.push(`  ${quote(h.statusWords)}`);
  for (const s of h.subtitles) lines.push(`  ${quote(s)}`);
  // Last: a framework id followed by text would read as a framework declaration.
  if (model.kind === 'strategy' && model.frameworkId) lines.push(`  framework ${model.frameworkId}`);
  lines.push('}');
}

export function emitDocument(model: DocumentModel, leadingComments: readonly string[] = []): string {
  const lines: string[] = leadingComments.map((c) => `// ${c.replace(/[\r\n]+/g, ' ')}`);
  emitHeader(lines, model);
  for (const n of model.items) {
    lines.push('');
    emitNode(lines, n, 0);
  }
  return `${lines.join('\n')}\n`;
}

/** Everything as prose under a header holding only the title: the output of last resort, which always parses. */
export function emitAsProse(model: DocumentModel, texts: readonly string[]): string {
  const lines: string[] = [];
  emitHeader(lines, { kind: model.kind, header: { title: model.header.title, subtitles: [], titleLevel: 0 }, items: [], frameworkId: model.kind === 'framework' ? (model.frameworkId ?? 'untitled') : undefined });
  lines.push('', 'narrative {');
  for (const t of texts) lines.push(`  ${quote(t)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
