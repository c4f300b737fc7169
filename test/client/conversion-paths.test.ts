import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freeTargetPath, isConvertible, targetPathFor } from '../../client/conversion-paths.js';

describe('conversion paths', () => {
  it('writes beside the source, with the .strategy extension', () => {
    assert.equal(targetPathFor(join('/w', 'seeds', 'plan.docx')), join('/w', 'seeds', 'plan.strategy'));
    assert.equal(targetPathFor(join('/w', 'a.b.md')), join('/w', 'a.b.strategy'));
  });

  it('accepts the five source formats, in any case, and nothing else', () => {
    for (const name of ['a.txt', 'a.md', 'a.docx', 'a.html', 'a.htm', 'a.pdf', 'A.PDF', 'b.DocX']) assert.ok(isConvertible(name), name);
    for (const name of ['a.strategy', 'a.doc', 'a.json', 'md', 'a.md.bak']) assert.ok(!isConvertible(name), name);
  });

  it('finds the first free "keep both" name', () => {
    const taken = new Set([join('/w', 'plan-2.strategy'), join('/w', 'plan-3.strategy')]);
    assert.equal(
      freeTargetPath(join('/w', 'plan.strategy'), (p) => taken.has(p)),
      join('/w', 'plan-4.strategy'),
    );
    assert.equal(
      freeTargetPath(join('/w', 'plan.strategy'), () => false),
      join('/w', 'plan-2.strategy'),
    );
  });
});
