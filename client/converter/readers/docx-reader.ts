/**
 * Word documents through mammoth, which turns paragraph styles into HTML:
 * Heading 1–6 and Title become headings on their own; other style names
 * are mapped through the `converter.styles` setting (a house "Commitment
 * Heading" style read as a level-3 heading, a "Drafting Note" style as an
 * editorial note).
 */
import mammoth from 'mammoth';
import type { StyleRole } from '../config.js';
import type { Block } from '../layout/blocks.js';
import { checkDocxPackage } from './docx-package.js';
import { readHtml } from './html-reader.js';

const TARGET: Record<StyleRole, string> = {
  title: 'h1:fresh',
  heading1: 'h1:fresh',
  heading2: 'h2:fresh',
  heading3: 'h3:fresh',
  heading4: 'h4:fresh',
  heading5: 'h5:fresh',
  heading6: 'h6:fresh',
  paragraph: 'p:fresh',
  listItem: 'ul > li:fresh',
  note: 'p.note:fresh',
  ignore: '!',
};

function styleMap(styles: Readonly<Record<string, StyleRole>>): string[] {
  const quoted = (name: string): string => `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  // The user's mappings come first: mammoth applies the first rule that matches.
  return [
    ...Object.entries(styles).map(([name, role]) => `p[style-name=${quoted(name)}] => ${TARGET[role]}`),
    "p[style-name='Title'] => h1:fresh",
    "p[style-name='Subtitle'] => p:fresh",
  ];
}

export async function readDocx(data: Buffer, styles: Readonly<Record<string, StyleRole>> = {}): Promise<Block[]> {
  checkDocxPackage(data);
  const result = await mammoth.convertToHtml({ buffer: data }, { styleMap: styleMap(styles) });
  return readHtml(result.value);
}
