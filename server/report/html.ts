/** Escaping for the HTML report: every text and attribute value that comes from a document goes through here. */
const SPECIAL = /[&<>"']/;

/** The entity of a character `esc` replaces, by its code; undefined for any other. */
function entityOf(code: number): string | undefined {
  switch (code) {
    case 0x26:
      return '&amp;';
    case 0x3c:
      return '&lt;';
    case 0x3e:
      return '&gt;';
    case 0x22:
      return '&quot;';
    case 0x27:
      return '&#39;';
    default:
      return undefined;
  }
}

export function esc(text: string | number): string {
  const s = typeof text === 'string' ? text : String(text);
  // Most text needs no escaping: one search, and the text itself back (a large report escapes millions of strings).
  const first = s.search(SPECIAL);
  if (first < 0) return s;
  // From the first special character on, the runs between them copied as slices: half the time of a replace with a callback.
  let out = '';
  let from = 0;
  for (let i = first; i < s.length; i++) {
    const entity = entityOf(s.charCodeAt(i));
    if (entity === undefined) continue;
    if (i > from) out += s.slice(from, i);
    out += entity;
    from = i + 1;
  }
  return from < s.length ? out + s.slice(from) : out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Text from a rule's doc (markdown with `code` spans), escaped, the spans as <code>. */
export function escWithCode(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** `list.map(render).join('')` without the array: a report renders millions of rows, and one string grown by `+=` is cheaper than joined parts. */
export function each<T>(list: readonly T[], render: (item: T, index: number) => string): string {
  let out = '';
  for (let i = 0; i < list.length; i++) out += render(list[i]!, i);
  return out;
}

/** `list.map(render).join(separator)`, as `each`. */
export function joined<T>(list: readonly T[], separator: string, render: (item: T, index: number) => string): string {
  let out = '';
  for (let i = 0; i < list.length; i++) out += i === 0 ? render(list[i]!, i) : separator + render(list[i]!, i);
  return out;
}
