/** Test texts mark positions with `<|>`, so a test reads like the situation it checks. */
export const CURSOR = '<|>';

export function withCursor(marked: string): { text: string; offset: number; line: number; character: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error('no <|> in test text');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { text, offset, line, character };
}
