// `npm run package`: bundles the extension, server and converter (minified) and
// builds the .vsix with @vscode/vsce. vsce runs in a staging copy (out/vsix/)
// because package.json's "files" (what the npm package of the CLI ships) and
// .vscodeignore (what the .vsix ships) cannot both be given to vsce: the staged
// manifest drops "files", and .vscodeignore alone decides the .vsix's content.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
execFileSync(process.execPath, ['scripts/bundle.mjs', '--minify'], { stdio: 'inherit' });

const stage = join('out', 'vsix');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
// Whole folders are copied; .vscodeignore (copied too) then picks the files vsce packs.
for (const path of ['.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'language-configuration.json', 'dist', 'syntaxes', 'schemas', 'images', 'docs']) {
  if (existsSync(path)) cpSync(path, join(stage, path), { recursive: true });
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
delete manifest.files;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// --no-dependencies: everything is bundled; --no-rewrite-relative-links: README's links and
// screenshots resolve inside the installed extension, with no repository URL needed.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: stage, stdio: 'inherit' });
console.log(`${vsix}: ${Math.round(statSync(vsix).size / 1024)} KB`);
