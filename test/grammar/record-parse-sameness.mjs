// Records test/grammar/parse-sameness.json from a built checkout's parser:
//   node test/grammar/record-parse-sameness.mjs DIR ["what DIR is"]
// DIR/out/grammar/parse.js parses; this checkout's out/test/grammar/sameness-inputs.js gives the inputs.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = resolve(process.argv[2] ?? root);
const { parse } = require(join(dir, 'out/grammar/parse.js'));
const { samenessInputs } = require(join(root, 'out/test/grammar/sameness-inputs.js'));
const sha = (s) => createHash('sha256').update(s).digest('hex');
const inputs = samenessInputs(join(root, 'seeds'));
const results = {};
for (const { name, text } of inputs) {
  const { document, problems } = parse(text);
  results[name] = [sha(text), sha(JSON.stringify({ document, problems }))];
}
writeFileSync(join(root, 'test/grammar/parse-sameness.json'), `${JSON.stringify({ recordedFrom: process.argv[3] ?? dir, inputs: inputs.length, results }, null, 0)}\n`);
console.log(`recorded ${inputs.length} inputs from ${dir}`);
