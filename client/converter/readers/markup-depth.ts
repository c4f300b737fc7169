/**
 * Nesting depth of HTML and XML, found in one linear pass over the tags.
 * Real documents nest a few dozen levels; hostile or broken ones nest tens
 * of thousands, and the parsers' work then grows with the square of the
 * depth. HTML past the bound is flattened (its tags dropped, its text kept);
 * a Word document past it is refused.
 */

const TAG = /<(\/?)([A-Za-z][\w:.-]*)(?:[^<>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** The deepest nesting of elements (void and self-closing elements do not nest). */
export function markupDepth(text: string, html: boolean): number {
  let depth = 0;
  let deepest = 0;
  for (const m of text.matchAll(TAG)) {
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/' || (html && VOID.has(m[2]!.toLowerCase()));
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** HTML with every tag deeper than `max` removed (their text stays, in order). */
export function flattenDeepHtml(html: string, max: number): string {
  let depth = 0;
  return html.replace(TAG, (tag: string, slash: string, name: string, selfSlash: string) => {
    const closing = slash === '/';
    const selfClosing = selfSlash === '/' || VOID.has(name.toLowerCase());
    if (closing) {
      const drop = depth > max;
      depth = Math.max(0, depth - 1);
      return drop ? ' ' : tag;
    }
    if (selfClosing) return depth >= max ? ' ' : tag;
    depth++;
    return depth > max ? ' ' : tag;
  });
}
