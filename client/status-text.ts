/**
 * What the status bar item says: the language server's state and the
 * problems in strategy files. Pure, so every state is tested without an
 * editor; client/status-bar.ts feeds it from VS Code's events.
 */

export type ServerState = 'starting' | 'indexing' | 'running' | 'stopped' | 'missing' | 'unsupported';

/** What the server last said of its workspace index (its `strategy/status` notification). */
export interface IndexInfo {
  readonly files: number;
  readonly frameworks: number;
  readonly durationMs?: number;
}

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface StatusView {
  /** The item's text, with VS Code's `$(icon)` syntax. */
  readonly text: string;
  readonly tooltip: string;
  /** An error background draws the eye when the server is not working at all. */
  readonly alarm: boolean;
}

/**
 * The language server and the converter need Node.js 22 (chevrotain uses
 * Object.groupBy, pdf.js Promise.withResolvers); VS Code runs extensions on
 * its own Node.js, which is 22 from VS Code 1.101 (Electron 35) on.
 */
export const MIN_NODE_MAJOR = 22;

export function nodeSupported(version: string): boolean {
  return Number(version.split('.')[0]) >= MIN_NODE_MAJOR;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusView(state: ServerState, counts: ProblemCounts, index?: IndexInfo): StatusView {
  const total = counts.errors + counts.warnings + counts.infos;
  const problems =
    total === 0
      ? 'No problems in strategy files.'
      : `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} and ${plural(counts.infos, 'info')} in strategy files.`;
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) Strategy', tooltip: 'Strategy language server: starting…', alarm: false };
    case 'indexing':
      return {
        text: '$(sync~spin) Strategy: indexing',
        tooltip: `Strategy language server: indexing the workspace's strategy files${index && index.files > 0 ? ` (${plural(index.files, 'file')} so far)` : ''}…`,
        alarm: false,
      };
    case 'stopped':
      return { text: '$(debug-stop) Strategy: stopped', tooltip: 'Strategy language server: stopped. Click to restart it.', alarm: true };
    case 'missing':
      return {
        text: '$(error) Strategy: no server',
        tooltip: 'The Strategy language server (dist/server.js) is missing from this installation. Click to show the output.',
        alarm: true,
      };
    case 'unsupported':
      return {
        text: '$(error) Strategy: needs a newer VS Code',
        tooltip: `The Strategy language server needs Node.js ${MIN_NODE_MAJOR} or later; this VS Code runs its extensions on Node.js ${process.versions.node}. Update VS Code. Click to show the output.`,
        alarm: true,
      };
    case 'running': {
      const icon = counts.errors > 0 ? '$(error)' : counts.warnings > 0 ? '$(warning)' : counts.infos > 0 ? '$(info)' : '$(check)';
      const indexed = index
        ? ` ${plural(index.files, 'strategy file')} indexed (${plural(index.frameworks, 'framework')})${index.durationMs === undefined ? '' : ` in ${index.durationMs} ms`}.`
        : '';
      return {
        text: total === 0 ? `${icon} Strategy` : `${icon} Strategy: ${total}`,
        tooltip: `Strategy language server: running.${indexed} ${problems} Click to show the Problems panel.`,
        alarm: false,
      };
    }
  }
}
