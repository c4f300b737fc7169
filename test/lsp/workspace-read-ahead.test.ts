/**
 * Workspace diagnostics read the next closed file while the current one is
 * checked. Built on the server's own project and index over a real folder
 * (the seeds); the only thing in between is the file reader, which records
 * what it is asked for (and, in the second case, changes a file on disk just
 * after its early read, as an editor saving it would).
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationToken, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { readBoundedTextFile, readBoundedTextFileAsync } from '../../server/analysis/text-file.js';
import { keyOf, uriOf } from '../../server/lsp/document-keys.js';
import { Project } from '../../server/lsp/project.js';
import { WorkspaceDiagnostics } from '../../server/lsp/workspace-diagnostics.js';
import { SEEDS } from '../support/paths.js';
import { emptyFolder } from './support/lsp-client.js';

async function readText(path: string): Promise<string | undefined> {
  const r = await readBoundedTextFileAsync(path);
  return r.ok ? r.text : undefined;
}

async function indexedProject(folder: string): Promise<Project> {
  const project = new Project({
    readFile: readText,
    readFileNow: (path) => {
      const r = readBoundedTextFile(path);
      return r.ok ? r.text : undefined;
    },
    clientSettings: async () => undefined,
  });
  project.setFolders([{ uri: pathToFileURL(folder).href }]);
  await project.reloadSettings();
  await project.buildIndex();
  return project;
}

function messagesOf(items: readonly WorkspaceDocumentDiagnosticReport[], path: string): string[] {
  const report = items.find((i) => i.uri === uriOf(keyOf(pathToFileURL(path).href)));
  assert.ok(report && report.kind === 'full', `no full report for ${path}`);
  return report.items.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('language server: workspace diagnostics read ahead', function () {
  this.timeout(60_000);
  let folder: { path: string; remove: () => void };
  let files: string[];

  beforeEach(() => {
    folder = emptyFolder();
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.strategy'))) copyFileSync(join(SEEDS, f), join(folder.path, f));
    files = readdirSync(folder.path).map((f) => join(folder.path, f));
  });
  afterEach(() => folder.remove());

  it('reads each closed file once: the read started ahead is the one its check uses', async () => {
    const project = await indexedProject(folder.path);
    const reads: string[] = [];
    const diagnostics = new WorkspaceDiagnostics(project, {
      readFile: (path) => {
        reads.push(path);
        return readText(path);
      },
    });
    diagnostics.indexReady();
    const report = await diagnostics.workspaceReport({ previousResultIds: [] }, CancellationToken.None, undefined);
    assert.equal(report.items.length, files.length);
    // Frameworks are kept in memory (strategies are checked against them); every other file is read from disk, once.
    const fromDisk = files.filter((f) => project.workspace.get(f) === undefined);
    assert.ok(fromDisk.length >= 3, 'the seeds hold several strategies');
    assert.deepEqual([...reads].sort(), fromDisk.sort(), 'every file read exactly once');
  });

  it('does not use a file read ahead that changed on disk before its turn', async () => {
    const project = await indexedProject(folder.path);
    // The last file read from disk: read ahead while the one before it is checked.
    const second = diagnosticsOrder(project).filter((f) => project.workspace.get(f) === undefined).at(-1)!;
    const changed = `${readFileSync(second, 'utf8')}\nnote "TODO: changed after it was read ahead"\n`;
    let readOfSecond = 0;
    const diagnostics = new WorkspaceDiagnostics(project, {
      readFile: async (path) => {
        const text = await readText(path);
        // The early read of the second file: the file is saved with a new note as soon as it has been read.
        if (path === second && readOfSecond++ === 0) {
          writeFileSync(second, changed);
          await project.refreshFile(second);
        }
        return text;
      },
    });
    diagnostics.indexReady();
    const report = await diagnostics.workspaceReport({ previousResultIds: [] }, CancellationToken.None, undefined);
    assert.equal(readOfSecond, 2, 'the file was read again for its check');
    assert.ok(
      messagesOf(report.items, second).some((m) => m.includes('TODO: changed after it was read ahead')),
      'the diagnostics are those of the file as it is now',
    );
  });
});

/** The closed files in the order they are checked. */
function diagnosticsOrder(project: Project): string[] {
  return new WorkspaceDiagnostics(project, { readFile: readText }).closedFiles();
}
