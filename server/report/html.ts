/** Escaping for the HTML report: every text and attribute value that comes from a document goes through here. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function esc(text: string | number): string {
  const s = String(text);
  // Most text needs no escaping: skip the replace (a large report escapes millions of strings).
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : s;
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
