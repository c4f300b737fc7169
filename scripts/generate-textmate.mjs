// Writes syntaxes/strategy.tmLanguage.json from grammar/keywords.ts, through the
// compiled generator (out/scripts/textmate-grammar.js: run `tsc -p .` first;
// `npm run generate:textmate` does both). A unit test fails when the committed
// file differs from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { textMateGrammarText } = require(`${root}out/scripts/textmate-grammar.js`);
mkdirSync(`${root}syntaxes`, { recursive: true });
writeFileSync(`${root}syntaxes/strategy.tmLanguage.json`, textMateGrammarText());
console.log('wrote syntaxes/strategy.tmLanguage.json');
