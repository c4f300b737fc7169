/**
 * The extension's command ids, in one place: the extension registers them,
 * package.json contributes them, and the tests (unit and in VS Code) check
 * that the three agree.
 */
export const COMMANDS = {
  convertDocument: 'strategy.convertDocument',
  restartServer: 'strategy.restartServer',
  showOutput: 'strategy.showOutput',
  openReportPreview: 'strategy.openReportPreview',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The language id, the client id (which names `strategy.trace.server`) and the settings section. */
export const LANGUAGE_ID = 'strategy';

/** The source documents the convert command accepts, as file extensions with their dot. */
export const CONVERTIBLE_EXTENSIONS = ['.txt', '.md', '.docx', '.html', '.htm', '.pdf'] as const;
