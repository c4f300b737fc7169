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
  minify: process.argv.includes('--minify'),
  legalComments: 'none',
  // Some dependencies are ESM that read import.meta.url; give the CJS bundle a real one.
  define: { 'import.meta.url': '__bundleImportMetaUrl' },
  banner: { js: "var __bundleImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

const entries = [
  { in: 'server/cli/bin-entry.ts', out: 'dist/cli.js' },
  { in: 'server/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] });
}
