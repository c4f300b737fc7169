/** Reading and writing quoted text. */

/** The value of a string token's image: quotes removed, escapes resolved. */
export function unquote(image: string): string {
  if (image.startsWith('\u201c')) return image.slice(1, image.endsWith('\u201d') ? -1 : undefined);
  const closed = image.length >= 2 && image.endsWith('"') && !isEscapedAt(image, image.length - 1);
  const inner = image.slice(1, closed ? -1 : undefined);
  if (!inner.includes('\\')) return inner;
  return inner.replace(/\\([\s\S])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function isEscapedAt(image: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Quotes a value so that `unquote(quote(v)) === v`, on one line. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\r?\n|\r/g, '\\n')}"`;
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8
 * keeps a sliced string's parent alive; a round trip through a buffer makes
 * a flat copy whatever the engine does with concatenations. Strings shorter
 * than 13 characters are never slices (V8 copies them).
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}
