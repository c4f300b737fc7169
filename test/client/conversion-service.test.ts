import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planConversion } from '../../client/conversion-service.js';
import { parse } from '../../grammar/index.js';
import { SEEDS } from '../support/paths.js';

describe('conversion service (the convert command without the editor)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'strategy-convert-'));
    for (const f of readdirSync(SEEDS).filter((f) => !f.endsWith('.strategy'))) cpSync(join(SEEDS, f), join(dir, f));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const seedStrategies = (): string[] => readdirSync(SEEDS).filter((f) => f.endsWith('.strategy')).map((f) => join(SEEDS, f));

  it('plans the result beside the source, naming a framework the workspace has, as `strategy convert` writes it', async () => {
    const source = join(dir, 'gloucestershire-drugs-strategy-2010-2013-draft.md');
    const plan = await planConversion(source, { strategyFiles: seedStrategies() });
    assert.deepEqual(plan.files.map((f) => [f.path, f.role]), [[join(dir, 'gloucestershire-drugs-strategy-2010-2013-draft.strategy'), 'result']]);
    assert.deepEqual(parse(plan.files[0]!.text).problems, []);
    assert.match(plan.files[0]!.text, /^\s*framework drugs-2008$/m);
    // The same text as the committed conversion of the seed.
    assert.equal(plan.files[0]!.text, readFileSync(join(SEEDS, 'gloucestershire-drugs-strategy-2010-2013-draft.strategy'), 'utf8'));
    assert.equal(plan.report.output, plan.files[0]!.path);
    assert.deepEqual(plan.problems, []);
  });

  it('plans the framework a document describes as a second file beside it', async () => {
    const plan = await planConversion(join(dir, 'worcestershire-drug-alcohol-strategy-2022-2027.md'), { strategyFiles: [] });
    const framework = plan.files.find((f) => f.role === 'framework');
    assert.ok(framework, plan.files.map((f) => f.path).join(', '));
    assert.equal(framework.path, join(dir, 'from-harm-to-hope.strategy'));
    assert.deepEqual(parse(framework.text).problems, []);
  });

  it('knows no framework it was not shown: a strategy then names none it cannot resolve', async () => {
    const plan = await planConversion(join(dir, 'gloucestershire-drugs-strategy-2010-2013-draft.md'), { strategyFiles: [] });
    assert.doesNotMatch(plan.files[0]!.text, /^\s*framework drugs-2008$/m);
  });

  it('converts despite a broken strategy.config.json, and says why the config was not used', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'strategy-convert-config-'));
    try {
      cpSync(join(SEEDS, 'birmingham-drug-strategy-2013.txt'), join(folder, 'b.txt'));
      cpSync(join(SEEDS, 'birmingham-drug-strategy-2013.txt'), join(folder, 'strategy.config.json'));
      const plan = await planConversion(join(folder, 'b.txt'), { configFolder: folder, strategyFiles: [] });
      assert.equal(plan.files[0]!.path, join(folder, 'b.strategy'));
      assert.match(plan.problems[0] ?? '', /strategy\.config\.json was not used/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
