/** The CLI's contact with the outside world, passed in so commands stay testable and pure of `process`. */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

/** Exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
} as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Whether `e` is a usage error. By name, not `instanceof`: a command loaded
 * from its own bundle (convert) has its own copy of the class.
 */
export function isUsageError(e: unknown): e is UsageError {
  return e instanceof Error && e.name === 'UsageError';
}
