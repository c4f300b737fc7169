/**
 * Regression cases of issue 10 ("never crash, never lose a byte") for the
 * `strategy` command, run as a user runs it (the built binary, spawned),
 * except where a fault has to be injected (one file's lint throwing).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, chmodSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from '../../grammar/index.js';
import { main } from '../../server/cli/main.js';
import { writeJson } from '../../server/cli/json-stream.js';
import { exportModel } from '../../server/cli/commands/export.js';
import { RULES } from '../../server/rules/registry.js';
import type { Rule } from '../../server/rules/rule.js';
import type { CliIo } from '../../server/cli/io.js';
import { CLI, SEEDS } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';

const SEED: string = readFileSync(join(SEEDS, 'gloucestershire-drugs-strategy-2010-2013-draft.strategy'), 'utf8');

function memoryIo(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    cwd,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readStdin: async () => '',
  };
  return io;
}

describe('strategy CLI: hardening (issue 10)', function () {
  this.timeout(120_000);

  describe('crashes', () => {
    it('lints a list of 130,000 statements (exit 3 before: stack overflow)', async () => {
      const dir = scratch({ 'f.strategy': 'note "n"\n'.repeat(130_000) });
      const r = await runCli(['lint', '--format', 'json', 'f.strategy'], { cwd: dir });
      assert.doesNotMatch(r.stderr, /internal error/);
      assert.equal(r.code, 0, r.stderr);
    });

    it('lints and formats 369 nested blocks and 178 unclosed `{`: one "nested deeper" error, exit 1', async () => {
      const nested = `${'priority "p" {\n'.repeat(369)}${'}\n'.repeat(369)}`;
      const dir = scratch({ 'deep.strategy': nested, 'open.strategy': 'commitment "x" {\n'.repeat(178) });
      const lint = await runCli(['lint', 'deep.strategy', 'open.strategy'], { cwd: dir });
      assert.equal(lint.code, 1, lint.stderr);
      // The 369 nested blocks are too deep; the 178 unclosed ones, each on a line of its own at the same indentation,
      // end where the indentation says (one "never closed" error each, capped), so they nest no deeper than one.
      assert.equal(lint.stdout.match(/nested deeper than 32 levels/g)?.length, 1);
      assert.match(lint.stdout, /open\.strategy:1:16: error syntax-error .*is never closed: add `}` before line 2, where its indentation says the block ends/);
      assert.match(lint.stdout, /and \d+ more syntax problems/);
      const fmt = await runCli(['format', 'deep.strategy'], { cwd: dir });
      assert.equal(fmt.code, 1);
      assert.match(fmt.stderr, /deep\.strategy:\d+:\d+: cannot format: /);
      assert.equal(readFileSync(join(dir, 'deep.strategy'), 'utf8'), nested, 'never rewritten');
    });

    it('one file whose lint throws is that file\'s error (exit 2, named); the other files are still linted', async () => {
      const dir = scratch({ 'a.strategy': 'note "TBC: add reference"\n', 'b.strategy': 'note "BOOM"\n' });
      const rule = RULES.find((r) => r.meta.id === 'open-note') as { create: Rule['create'] };
      const create = rule.create;
      rule.create = (context) => {
        if (context.document.text.includes('BOOM')) throw new Error('injected fault');
        return create.call(rule, context);
      };
      try {
        const io = memoryIo(dir);
        const code = await main(['lint', 'a.strategy', 'b.strategy'], io);
        assert.equal(code, 2);
        assert.match(io.err, /^b\.strategy: internal error \(injected fault\)/m);
        assert.match(io.out, /a\.strategy/);
        assert.match(io.out, /open-note/);
      } finally {
        rule.create = create;
      }
    });

    it('convert: one input\'s unexpected failure is that input\'s error (exit 2); the other inputs are still converted and written', async () => {
      const dir = scratch({ 'good.txt': 'Our Strategy\n\nWe will reduce harm.\n', 'boom.txt': 'Another\n\nWe will fail.\n' });
      const converter = require('../../client/converter/index.js') as { convertFileDetailed: (path: string, options?: unknown) => Promise<unknown> };
      const original = converter.convertFileDetailed;
      converter.convertFileDetailed = async (path, options) => {
        if (path.endsWith('boom.txt')) throw new RangeError('Maximum call stack size exceeded');
        return original(path, options);
      };
      try {
        const io = memoryIo(dir);
        const code = await main(['convert', 'good.txt', 'boom.txt'], io);
        assert.equal(code, 2);
        assert.match(io.err, /^boom\.txt: internal error \(Maximum call stack size exceeded\)/m);
        assert.ok(existsSync(join(dir, 'good.strategy')), 'the good input was written');
        assert.ok(!existsSync(join(dir, 'boom.strategy')));
      } finally {
        converter.convertFileDetailed = original;
      }
    });

    it('a binary file is one error naming it (exit 2), not thousands of syntax errors', async () => {
      const bytes = Buffer.alloc(200 * 1024);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
      const dir = scratch({ 'ok.strategy': 'note "fine"\n' });
      writeFileSync(join(dir, 'bin.strategy'), bytes);
      const r = await runCli(['lint', '.'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim(), 'bin.strategy: is a binary file (it holds NUL bytes), not Strategy text');
      assert.match(r.stdout, /ok\.strategy|no problems|✔/);
      assert.ok(r.stdout.length < 2000, 'no flood of output');
    });

    it('20,000 `{` give at most 100 syntax errors and one "and N more"', async () => {
      const dir = scratch({ 'b.strategy': '{'.repeat(20_000) });
      const r = await runCli(['lint', '--format', 'json', 'b.strategy'], { cwd: dir });
      const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[])[0]!.messages.filter((m) => m.ruleId === 'syntax-error');
      assert.equal(messages.length, 101);
      assert.match(messages[100]!.message, /^…and \d+ more syntax problems/);
    });

    it('export streams the model: the same JSON as JSON.stringify, in chunks of bounded size', () => {
      const { model } = exportModel('seed.strategy', SEED);
      const chunks: string[] = [];
      writeJson(model, (c) => chunks.push(c));
      assert.equal(chunks.join(''), JSON.stringify(model, null, 2));
      assert.ok(chunks.length > 1 && chunks.every((c) => c.length < 128 * 1024));
      const odd = { a: undefined, b: [undefined, () => 1, Number.NaN], c: {}, d: [], e: 'x"y' };
      let text = '';
      writeJson(odd, (c) => (text += c));
      assert.equal(text, JSON.stringify(odd, null, 2));
    });
  });

  describe('wrong output', () => {
    it('the quick fix on an unclosed block inserts after its `{` (its edit ran backwards: [16, 15])', async () => {
      const dir = scratch({ 'x.strategy': 'commitment "x" {' });
      const r = await runCli(['lint', '--format', 'json', 'x.strategy'], { cwd: dir });
      type Edit = { range: [number, number] };
      const messages = (JSON.parse(r.stdout) as { messages: { suggestions?: { edits: Edit[] }[] }[] }[])[0]!.messages;
      const fixes = messages.flatMap((m) => (m.suggestions ?? []).flatMap((s) => s.edits.map((e) => e.range)));
      assert.ok(fixes.length > 0, 'fixes are offered');
      for (const [start, end] of fixes) assert.ok(start <= end && end <= 16, `fix range [${start}, ${end}]`);
    });
  });

  describe('data loss', () => {
    it('format and --fix refuse a file that is not UTF-8 (exit 2, saying why) and leave it as it was', async () => {
      const latin1 = Buffer.from('priority P1 "Caf\xe9" {\n  commitment 1 "x"\n}\n', 'latin1');
      const dir = scratch();
      writeFileSync(join(dir, 'w.strategy'), latin1);
      const fmt = await runCli(['format', 'w.strategy'], { cwd: dir });
      assert.equal(fmt.code, 2);
      assert.match(fmt.stderr, /w\.strategy: is not valid UTF-8 \(first bad byte at line 1, column 17\); save it as UTF-8/);
      const fix = await runCli(['lint', '--fix', 'w.strategy'], { cwd: dir });
      assert.equal(fix.code, 2);
      assert.match(fix.stderr, /w\.strategy: is not valid UTF-8/);
      assert.deepEqual(readFileSync(join(dir, 'w.strategy')), latin1);
    });

    it('format and --fix keep a byte-order mark and CRLF line endings, and the file\'s mode', async () => {
      const text = '\ufeffstrategy "S" {\r\n      area "A"\r\n}\r\npriority P1 "A" {\r\n  commitment 1 "x" {\r\n    owner "Police"\r\n  }\r\n}\r\n';
      const dir = scratch({ 'c.strategy': text, 'd.strategy': text });
      chmodSync(join(dir, 'c.strategy'), 0o640);
      const fmt = await runCli(['format', 'c.strategy'], { cwd: dir });
      assert.equal(fmt.code, 0, fmt.stderr);
      const formatted = readFileSync(join(dir, 'c.strategy'), 'utf8');
      assert.ok(formatted.startsWith('\ufeffstrategy "S" {\r\n  area "A"\r\n'), JSON.stringify(formatted.slice(0, 40)));
      assert.doesNotMatch(formatted.replace(/\r\n/g, ''), /\n/, 'every line break is CRLF');
      assert.equal(statSync(join(dir, 'c.strategy')).mode & 0o777, 0o640);
      const again = await runCli(['format', '--check', 'c.strategy'], { cwd: dir });
      assert.equal(again.code, 0, 'a formatted CRLF file is formatted');
      await runCli(['lint', '--fix', 'd.strategy'], { cwd: dir });
      const fixed = readFileSync(join(dir, 'd.strategy'), 'utf8');
      assert.ok(fixed.startsWith('\ufeff'));
      assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
    });

    it('a format killed mid-write leaves the file old or new, never truncated', async () => {
      // About 2 MB, none of it indented: format rewrites all of it.
      const big = 'priority "P" {\ncommitment "c" {\nowner "Police"\ntiming 2010-04 "April 2010"\n}\n}\n'.repeat(30_000);
      const r = format(big);
      assert.ok(r.ok, 'the big document formats');
      const expected = r.text;
      let killedMidWrite = 0;
      for (let attempt = 0; attempt < 3; attempt++) {
        const dir = scratch({ 'big.strategy': big });
        const child = spawn(process.execPath, [CLI, 'format', 'big.strategy'], { cwd: dir, stdio: 'ignore' });
        const watcher = watch(dir, (_event, name) => {
          if (name && /^\.big\.strategy\..*\.tmp$/.test(String(name)) && child.exitCode === null) {
            child.kill('SIGKILL');
            killedMidWrite++;
          }
        });
        await new Promise((resolve) => child.on('exit', resolve));
        watcher.close();
        const now = readFileSync(join(dir, 'big.strategy'), 'utf8');
        assert.ok(now === big || now === expected, `attempt ${attempt}: ${now.length} characters, neither ${big.length} (old) nor ${expected.length} (new)`);
        for (const f of readdirSync(dir)) assert.ok(f === 'big.strategy' || /^\.big\.strategy\..*\.tmp$/.test(f), `only a temporary file may be left: ${f}`);
      }
      assert.ok(killedMidWrite > 0, 'at least one kill landed while the temporary file was being written');
    });
  });

  describe('resource bounds', () => {
    it('a config naming /dev/zero as a framework is refused at once with a clear error', async () => {
      const dir = scratch({ 'strategy.config.json': JSON.stringify({ frameworks: ['/dev/zero'] }), 'a.strategy': 'note "n"\n' });
      const started = Date.now();
      const r = await runCli(['lint', 'a.strategy'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\/dev\/zero: framework file is not a regular file \(a device, pipe or socket\); only files are read/);
      assert.ok(Date.now() - started < 20_000);
    });
  });
});
