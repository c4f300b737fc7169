/** The stdio encoder (server/lsp/message-encoder.ts): the bytes always parse to the message sent, frozen diagnostics' bytes reused. */
import assert from 'node:assert/strict';
import { CachingJsonEncoder } from '../../server/lsp/message-encoder.js';

const diagnostic = (line: number, message: string): object => ({ range: { start: { line, character: 2 }, end: { line, character: 9 } }, severity: 2, code: 'open-note', source: 'strategy', message });
const deepFreeze = <T extends object>(value: T): T => {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
};
const publish = (diagnostics: readonly object[]): { jsonrpc: string; method: string; params: object } => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: { uri: 'file:///w/a%20b.strategy', version: 7, diagnostics },
});

describe('language server: the message encoder', () => {
  it('encodes a publication to bytes that parse to the same message, again and again', () => {
    const encoder = new CachingJsonEncoder();
    const frozen = deepFreeze(diagnostic(3, 'A note "quoted" – with é'));
    const message = publish([frozen, diagnostic(4, 'plain'), frozen]);
    for (let i = 0; i < 2; i++) assert.deepEqual(JSON.parse(encoder.encodeNow(message).toString('utf8')), message);
    assert.deepEqual(JSON.parse(encoder.encodeNow(publish([])).toString('utf8')), publish([]));
  });

  it('writes the bytes JSON.stringify gives, characters of two, three and four bytes included, in the head and in diagnostics', () => {
    const encoder = new CachingJsonEncoder();
    const message = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///w/plan-é-✓-😀.strategy', version: 1, diagnostics: [deepFreeze(diagnostic(0, 'Größe — 😀 \ud800 lone')), diagnostic(1, 'ß'), deepFreeze(diagnostic(2, ''))] },
    };
    for (let i = 0; i < 2; i++) assert.deepEqual(encoder.encodeNow(message), Buffer.from(JSON.stringify(message), 'utf8'));
  });

  it('encodes a diagnostic that is not frozen anew each time (it may have changed)', () => {
    const encoder = new CachingJsonEncoder();
    const open = diagnostic(1, 'before') as { message: string };
    encoder.encodeNow(publish([open]));
    open.message = 'after';
    assert.deepEqual(JSON.parse(encoder.encodeNow(publish([open])).toString('utf8')), publish([open]));
  });

  it('encodes every other message as JSON.stringify does', () => {
    const encoder = new CachingJsonEncoder();
    const response = { jsonrpc: '2.0', id: 4, result: { items: [{ label: 'owner' }] } };
    assert.equal(encoder.encodeNow(response).toString('utf8'), JSON.stringify(response));
    const odd = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [] } };
    assert.equal(encoder.encodeNow(odd).toString('utf8'), JSON.stringify(odd));
  });
});
