/**
 * JSON written in pieces: the same text as `JSON.stringify(value, null, 2)`,
 * handed out in chunks of about 64 KB, so that a large document's model is
 * never one string (V8 refuses strings past about 512 MB: "Invalid string
 * length" on a 14 MB strategy).
 */
const CHUNK = 64 * 1024;

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Calls `write` with consecutive pieces of the pretty-printed JSON of `value`. */
export function writeJson(value: unknown, write: (chunk: string) => void): void {
  let buffer = '';
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  const visit = (v: unknown, indent: string): void => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON();
    if (v === null || typeof v !== 'object') {
      emit(typeof v === 'number' && !Number.isFinite(v) ? 'null' : (JSON.stringify(v) ?? 'null'));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[');
      for (let i = 0; i < v.length; i++) {
        emit(`${i > 0 ? ',' : ''}\n${inner}`);
        if (skipped(v[i])) emit('null');
        else visit(v[i], inner);
      }
      emit(`\n${indent}]`);
      return;
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const child = (v as Record<string, unknown>)[key];
      if (skipped(child)) continue;
      emit(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      visit(child, inner);
    }
    emit(first ? '{}' : `\n${indent}}`);
  };
  visit(value, '');
  if (buffer) write(buffer);
}
