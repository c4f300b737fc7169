/** The one way the CLI writes a file: atomically, keeping its mode, and a link a link. */
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtomicFileWriter, temporaryPathFor, writeFileAtomic } from '../../server/cli/atomic-write.js';
import { decodeText, encodeText, readBoundedTextFile } from '../../server/analysis/text-file.js';
import { scratch } from '../support/temp.js';

describe('atomic writes and bounded reads', () => {
  it('replaces the file whole, keeps its mode, leaves no temporary file', () => {
    const dir = scratch({ 'a.strategy': 'old\n' });
    chmodSync(join(dir, 'a.strategy'), 0o600);
    writeFileAtomic(join(dir, 'a.strategy'), 'new\n');
    assert.equal(readFileSync(join(dir, 'a.strategy'), 'utf8'), 'new\n');
    assert.equal(statSync(join(dir, 'a.strategy')).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir), ['a.strategy']);
  });

  it('gathers many small pieces into the file in order, and leaves the target as it was until commit', () => {
    const dir = scratch({ 'r.html': 'old' });
    const target = join(dir, 'r.html');
    const writer = AtomicFileWriter.open(target);
    const pieces: string[] = [];
    // Some 3 MB in small pieces of text and bytes, with multi-byte characters: more than one gathered write.
    for (let i = 0; i < 60_000; i++) pieces.push(`<li>${i} — é ✖</li>`);
    pieces.forEach((p, i) => writer.write(i % 2 === 0 ? p : Buffer.from(p, 'utf8')));
    assert.equal(readFileSync(target, 'utf8'), 'old');
    writer.commit();
    assert.equal(readFileSync(target, 'utf8'), pieces.join(''));
    assert.deepEqual(readdirSync(dir), ['r.html']);
  });

  it('writes a long text, encoded a slice at a time, as the bytes of Buffer.from, whatever stands where a slice ends', () => {
    const dir = scratch({});
    const MB = 1 << 20;
    // Surrogate pairs, lone halves and a high half before a pair, each placed across where the slices of a megabyte end.
    for (const around of ['\ud83d\ude00', '\ud800\ud83d\ude00', '\udc00\ud800', '\ud800\ud800\udc00', 'é\ud83d']) {
      for (const shift of [-2, -1, 0, 1, 2]) {
        const cut = MB + shift;
        const filler = 'x'.repeat(cut - 1);
        const text = `${filler}${around}${'y'.repeat(MB)}${around}${'z'.repeat(MB + 3)}${around}`;
        const target = join(dir, 'long.sarif');
        writeFileAtomic(target, text);
        assert.ok(readFileSync(target).equals(Buffer.from(text, 'utf8')), `${JSON.stringify(around)} at ${shift}`);
      }
    }
  });

  it('throws a failed write by commit at the latest, when pieces were still gathered (a full disk)', () => {
    // /dev/full (Linux, where CI runs): every write to it fails as on a full disk.
    const writer = AtomicFileWriter.open('/dev/full');
    writer.write('a small piece, not yet written');
    assert.throws(() => writer.commit(), /ENOSPC/);
  });

  it('writes through a link to its target, and the link stays a link', () => {
    const dir = scratch({ 'real.strategy': 'old\n' });
    symlinkSync('real.strategy', join(dir, 'link.strategy'));
    writeFileAtomic(join(dir, 'link.strategy'), 'new\n');
    assert.ok(lstatSync(join(dir, 'link.strategy')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real.strategy'), 'utf8'), 'new\n');
  });

  it('creates a new file, and names its temporary file so that no walk of .strategy files takes it', () => {
    const dir = scratch();
    writeFileAtomic(join(dir, 'n.strategy'), 'x');
    assert.equal(readFileSync(join(dir, 'n.strategy'), 'utf8'), 'x');
    assert.match(temporaryPathFor(join(dir, 'n.strategy')), /\/\.n\.strategy\.\d+\.[0-9a-f]{8}\.tmp$/);
  });

  it('reads regular files only, up to a limit, strictly as UTF-8', () => {
    const dir = scratch({ 'big.txt': 'x'.repeat(2000) });
    assert.deepEqual(readBoundedTextFile('/dev/zero'), { ok: false, error: 'is not a regular file (a device, pipe or socket); only files are read' });
    assert.deepEqual(readBoundedTextFile(dir), { ok: false, error: 'is a folder' });
    const tooBig = readBoundedTextFile(join(dir, 'big.txt'), 1000);
    assert.ok(!tooBig.ok && /too large/.test(tooBig.error));
    writeFileSync(join(dir, 'w.txt'), Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]));
    const latin1 = readBoundedTextFile(join(dir, 'w.txt'));
    assert.ok(!latin1.ok && /line 2, column 2/.test(latin1.error), JSON.stringify(latin1));
  });

  it('notes the byte-order mark and line endings, and puts them back', () => {
    const r = decodeText(Buffer.from('\ufeffa\r\nb\r\n', 'utf8'));
    assert.ok(r.ok);
    assert.deepEqual(r.decoded, { text: 'a\r\nb\r\n', bom: true, eol: '\r\n' });
    assert.equal(encodeText('a\nb\nc\n', r.decoded), '\ufeffa\r\nb\r\nc\r\n');
    assert.equal(encodeText('a\nb\n', { bom: false, eol: '\n' }), 'a\nb\n');
  });
});
