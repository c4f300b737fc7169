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
