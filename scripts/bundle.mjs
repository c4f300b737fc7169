// Bundles the shipped entry points with esbuild: the CLI (dist/cli.js), and,
// when their sources exist, the language server and the VS Code extension.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: false,
  // Minified: the npm package and the .vsix ship these files (`--no-minify` for readable stack traces while debugging).
  minify: !process.argv.includes('--no-minify'),
  legalComments: 'none',
  // Some dependencies are ESM that read import.meta.url; give the CJS bundle a real one.
  define: { 'import.meta.url': '__bundleImportMetaUrl' },
  banner: { js: "var __bundleImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

/**
 * `strategy convert` lives in a bundle of its own (dist/convert-command.js):
 * its document readers (pdf.js above all) are most of the converter's size,
 * and every other command should start without reading them.
 */
const convertOnDemand = {
  name: 'convert-on-demand',
  setup(b) {
    b.onResolve({ filter: /\/commands\/convert\.js$/ }, (args) =>
      args.importer.endsWith('extra-commands.ts') ? { path: './convert-command.js', external: true } : undefined,
    );
  },
};

/**
 * jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot
 * follow; its ESM build (`module`) bundles cleanly.
 */
const jsoncAsEsm = {
  name: 'jsonc-parser-esm',
  setup(b) {
    b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: fileURLToPath(new URL('../node_modules/jsonc-parser/lib/esm/main.js', import.meta.url)) }));
  },
};

const entries = [
  { in: 'server/cli/bin-entry.ts', out: 'dist/cli.js', plugins: [convertOnDemand] },
  { in: 'server/cli/commands/convert.ts', out: 'dist/convert-command.js' },
  { in: 'server/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // The converter on its own: the extension loads it on first use, so its document readers cost nothing at activation.
  { in: 'client/conversion-service.ts', out: 'dist/converter.js' },
];

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [], plugins: [jsoncAsEsm, ...(e.plugins ?? [])] });
}
