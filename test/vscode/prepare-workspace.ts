/** `node out/test/vscode/prepare-workspace.js DIR`: builds the test workspace in DIR (see workspace.ts) and prints what it holds. */
import { prepareWorkspace } from './workspace.js';

const dest = process.argv[2];
if (!dest) {
  console.error('usage: prepare-workspace.js DIR');
  process.exit(2);
}
const ws = prepareWorkspace(dest);
console.log(`[workspace] ${ws.root}: ${ws.strategies.length} strategy documents from ${ws.origin}, ${ws.sources.length} source documents`);
